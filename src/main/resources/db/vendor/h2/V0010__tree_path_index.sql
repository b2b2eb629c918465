-- H2: a plain index serves prefix LIKE matches on ancestor_path (PostgreSQL's V0010 needs varchar_pattern_ops).
CREATE INDEX organization_ancestor_path_idx ON organization (ancestor_path);
