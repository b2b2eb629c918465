-- An access session keeps the names of the account and the partner as they were when it began, so that its end can
-- be audited in words ("... left Bäckerei Ruf (CN-10001)") by whatever ends it: the person leaving, a sign-out, the
-- idle timer or a suspension, none of which may read the organizations on the person's behalf.
ALTER TABLE access_session ADD COLUMN customer_name VARCHAR(200);
ALTER TABLE access_session ADD COLUMN customer_number VARCHAR(20);
ALTER TABLE access_session ADD COLUMN partner_name VARCHAR(200);
