package dev.kontor.account;

public enum ServiceKind {
    CLUSTER, PRODUCT
}
