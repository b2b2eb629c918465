-- The locks of the scheduled jobs (ShedLock's JDBC provider, table and columns as the library expects): one row per
-- job name, written by whichever Kontor node runs that job, so that with several nodes on one database each job runs
-- on one node at a time. lock_until is the time (UTC, taken from the database's clock) until which the holder owns
-- the job; a node that dies keeps it at most that long. Rows are never deleted (ShedLock caches that a row exists).
-- Written to run unchanged on H2 2.x and PostgreSQL 15+.

CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
