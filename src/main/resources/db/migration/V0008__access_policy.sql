-- The customer stays in control of partner access: whether a reason is required, whether the contact person is told.
CREATE TABLE access_policy (
    customer_id           BIGINT PRIMARY KEY REFERENCES organization (id),
    require_reason        BOOLEAN DEFAULT FALSE NOT NULL,
    notify_contact_person BOOLEAN DEFAULT FALSE NOT NULL,
    version               BIGINT DEFAULT 0 NOT NULL
);

-- When a partner user's entry was last told to a customer's contact person (at most once an hour).
CREATE TABLE access_notice (
    partner_user_id  BIGINT NOT NULL REFERENCES app_user (id),
    customer_id      BIGINT NOT NULL REFERENCES organization (id),
    last_notified_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT access_notice_pk PRIMARY KEY (partner_user_id, customer_id)
);
