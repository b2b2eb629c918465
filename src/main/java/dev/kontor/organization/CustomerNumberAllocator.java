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
        Number next = (Number) entityManager.createNativeQuery(sql).getSingleResult();
        return CustomerNumber.of(next.longValue());
    }
}
