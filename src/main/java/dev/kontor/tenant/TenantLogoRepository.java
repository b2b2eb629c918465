package dev.kontor.tenant;

import org.springframework.data.jpa.repository.JpaRepository;

interface TenantLogoRepository extends JpaRepository<TenantLogo, Long> {
}
