package dev.kontor.organization;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationRepository extends JpaRepository<Organization, Long> {

    Optional<Organization> findByCustomerNumber(String customerNumber);
}
