package dev.kontor.organization;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/**
 * Draws the next customer number from a database sequence, so that two partners adding customers at the same moment
 * never get the same number. The SQL for "next value" differs between H2 and PostgreSQL; Hibernate's dialect knows it.
 */
@Component
class CustomerNumberAllocator {

    private static final String SEQUENCE = "customer_number_seq";

    @PersistenceContext
    private EntityManager entityManager;

    CustomerNumber next() {
        String sql = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(SEQUENCE);
        // the provider may also give a number of its own (from its billing system): a drawn number that is taken
        // already is skipped, so that the two ways never collide
        while (true) {
            CustomerNumber drawn = CustomerNumber.of(((Number) entityManager.createNativeQuery(sql).getSingleResult())
                    .longValue());
            if (entityManager.createQuery("select count(o) from Organization o where o.customerNumber = :number",
                    Long.class).setParameter("number", drawn.value()).getSingleResult() == 0) {
                return drawn;
            }
        }
    }
}
