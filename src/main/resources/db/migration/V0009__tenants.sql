-- Tenants: the tree below partners and customer accounts, tenant profiles, logos, settings and content copies.

-- Where a node sits: the ids of its ancestors from the root down, e.g. '/1/4/9/' ('/' for a root). One LIKE on a
-- prefix finds a sub-tree; the ids in it name every ancestor without walking the tree row by row.
ALTER TABLE organization ADD COLUMN ancestor_path VARCHAR(1000);
UPDATE organization SET ancestor_path = '/' WHERE parent_id IS NULL;
-- the existing trees are at most a few levels deep; each pass fills in one more level
UPDATE organization SET ancestor_path = (SELECT p.ancestor_path || CAST(p.id AS VARCHAR(20)) || '/'
    FROM organization p WHERE p.id = organization.parent_id)
    WHERE ancestor_path IS NULL AND parent_id IN (SELECT p.id FROM organization p WHERE p.ancestor_path IS NOT NULL);
UPDATE organization SET ancestor_path = (SELECT p.ancestor_path || CAST(p.id AS VARCHAR(20)) || '/'
    FROM organization p WHERE p.id = organization.parent_id)
    WHERE ancestor_path IS NULL AND parent_id IN (SELECT p.id FROM organization p WHERE p.ancestor_path IS NOT NULL);
UPDATE organization SET ancestor_path = (SELECT p.ancestor_path || CAST(p.id AS VARCHAR(20)) || '/'
    FROM organization p WHERE p.id = organization.parent_id)
    WHERE ancestor_path IS NULL AND parent_id IN (SELECT p.id FROM organization p WHERE p.ancestor_path IS NOT NULL);
UPDATE organization SET ancestor_path = (SELECT p.ancestor_path || CAST(p.id AS VARCHAR(20)) || '/'
    FROM organization p WHERE p.id = organization.parent_id)
    WHERE ancestor_path IS NULL AND parent_id IN (SELECT p.id FROM organization p WHERE p.ancestor_path IS NOT NULL);
UPDATE organization SET ancestor_path = (SELECT p.ancestor_path || CAST(p.id AS VARCHAR(20)) || '/'
    FROM organization p WHERE p.id = organization.parent_id)
    WHERE ancestor_path IS NULL AND parent_id IN (SELECT p.id FROM organization p WHERE p.ancestor_path IS NOT NULL);
UPDATE organization SET ancestor_path = (SELECT p.ancestor_path || CAST(p.id AS VARCHAR(20)) || '/'
    FROM organization p WHERE p.id = organization.parent_id)
    WHERE ancestor_path IS NULL AND parent_id IN (SELECT p.id FROM organization p WHERE p.ancestor_path IS NOT NULL);
ALTER TABLE organization ALTER COLUMN ancestor_path SET NOT NULL;

-- The customer account or partner a tenant belongs to. A tenant moves only within its owner's tree, so this never
-- changes; it scopes searches and rights without walking up the tree.
ALTER TABLE organization ADD COLUMN account_id BIGINT REFERENCES organization (id);
-- Tenant names are unique among their siblings regardless of case; customers and partners carry NULL here.
ALTER TABLE organization ADD COLUMN sibling_key VARCHAR(200);
CREATE INDEX organization_account_idx ON organization (account_id);

-- Tenants that exist already (demo data): owned by the nearest customer account or partner above them.
UPDATE organization SET account_id = parent_id, sibling_key = LOWER(name)
    WHERE kind = 'TENANT' AND parent_id IN (SELECT p.id FROM organization p WHERE p.kind IN ('CUSTOMER', 'PARTNER'));
UPDATE organization SET account_id = (SELECT p.account_id FROM organization p WHERE p.id = organization.parent_id),
    sibling_key = LOWER(name) WHERE kind = 'TENANT' AND account_id IS NULL;
UPDATE organization SET account_id = (SELECT p.account_id FROM organization p WHERE p.id = organization.parent_id),
    sibling_key = LOWER(name) WHERE kind = 'TENANT' AND account_id IS NULL;
UPDATE organization SET account_id = (SELECT p.account_id FROM organization p WHERE p.id = organization.parent_id),
    sibling_key = LOWER(name) WHERE kind = 'TENANT' AND account_id IS NULL;
-- only now that existing tenants are filled in can the rules hold for every row
ALTER TABLE organization ADD CONSTRAINT organization_tenant_owned
    CHECK ((kind = 'TENANT' AND account_id IS NOT NULL AND sibling_key IS NOT NULL AND parent_id IS NOT NULL)
        OR (kind <> 'TENANT' AND account_id IS NULL AND sibling_key IS NULL));
ALTER TABLE organization ADD CONSTRAINT organization_sibling_name_unique UNIQUE (parent_id, sibling_key);

-- A partner sees and manages a customer's tenants while the relationship is ACTIVE and grants MANAGE_TENANTS (or
-- ADMIN): this marker says so, maintained with the relationship's state like admin_customer_id.
ALTER TABLE partner_relationship ADD COLUMN tenants_customer_id BIGINT;
UPDATE partner_relationship SET tenants_customer_id = customer_id
    WHERE state = 'ACTIVE' AND (granted_rights LIKE '%MANAGE_TENANTS%' OR granted_rights LIKE '%ADMIN%');
ALTER TABLE partner_relationship ADD CONSTRAINT partner_relationship_tenants_marker
    CHECK (tenants_customer_id IS NULL OR (tenants_customer_id = customer_id AND state = 'ACTIVE'));
CREATE INDEX partner_relationship_tenants_idx ON partner_relationship (partner_id, tenants_customer_id);

CREATE TABLE tenant (
    organization_id     BIGINT PRIMARY KEY REFERENCES organization (id),
    tenant_type         VARCHAR(16) NOT NULL,
    edition             VARCHAR(16) NOT NULL,
    character_set       VARCHAR(32) NOT NULL,
    needs_configuration BOOLEAN NOT NULL,
    default_language    VARCHAR(8),
    time_zone           VARCHAR(64),
    sender_name         VARCHAR(120),
    version             BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT tenant_type_check CHECK (tenant_type IN ('STANDARD', 'CUSTOM')),
    CONSTRAINT tenant_edition_check CHECK (edition IN ('BASIC', 'PROFESSIONAL', 'ENTERPRISE')),
    -- STANDARD tenants are always UTF-8, so that no character set problem can arise later
    CONSTRAINT tenant_standard_utf8 CHECK (tenant_type <> 'STANDARD' OR character_set = 'UTF-8')
);
INSERT INTO tenant (organization_id, tenant_type, edition, character_set, needs_configuration)
    SELECT id, 'STANDARD', 'BASIC', 'UTF-8', FALSE FROM organization WHERE kind = 'TENANT';

CREATE TABLE tenant_logo (
    organization_id BIGINT PRIMARY KEY REFERENCES tenant (organization_id),
    media_type      VARCHAR(32) NOT NULL,
    content         BYTEA NOT NULL,
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    sha256          VARCHAR(64) NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tenant_logo_media_type_check CHECK (media_type IN ('image/png', 'image/jpeg', 'image/svg+xml')),
    CONSTRAINT tenant_logo_size_check CHECK (width BETWEEN 1 AND 400 AND height BETWEEN 1 AND 120)
);

-- Copying a master tenant's content into a sub-tenant or all its descendants: a background job that works in
-- batches along the descendants' ids (the cursor), so that it resumes where it stopped and never loads them all.
CREATE TABLE content_copy (
    id                BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    source_id         BIGINT NOT NULL REFERENCES organization (id),
    target_id         BIGINT NOT NULL REFERENCES organization (id),
    with_descendants  BOOLEAN NOT NULL,
    state             VARCHAR(16) NOT NULL,
    total_targets     INTEGER NOT NULL,
    done_targets      INTEGER NOT NULL DEFAULT 0,
    changed_items     INTEGER NOT NULL DEFAULT 0,
    cursor_id         BIGINT NOT NULL DEFAULT 0,
    started_by        BIGINT NOT NULL REFERENCES app_user (id),
    on_behalf_of_id   BIGINT,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE,
    version           BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT content_copy_state_check CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    CONSTRAINT content_copy_progress_check CHECK (done_targets BETWEEN 0 AND total_targets)
);
CREATE INDEX content_copy_source_idx ON content_copy (source_id, created_at);
CREATE INDEX content_copy_state_idx ON content_copy (state);
