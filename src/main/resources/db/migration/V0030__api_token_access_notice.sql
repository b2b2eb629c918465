-- When a partner's API token's work in a customer account was last told to the customer's contact person (at most
-- once an hour per token and account, as access_notice does for partner users).
CREATE TABLE api_token_notice (
    token_id         BIGINT NOT NULL REFERENCES api_token (id),
    customer_id      BIGINT NOT NULL REFERENCES organization (id),
    last_notified_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT api_token_notice_pk PRIMARY KEY (token_id, customer_id)
);
