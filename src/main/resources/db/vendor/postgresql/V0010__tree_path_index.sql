-- PostgreSQL only: a sub-tree is found with ancestor_path LIKE '/1/4/%'; varchar_pattern_ops lets such a prefix
-- match use the index whatever the database's collation. H2's V0010 adds a plain index, which it uses for prefixes.
CREATE INDEX organization_ancestor_path_idx ON organization (ancestor_path varchar_pattern_ops);
