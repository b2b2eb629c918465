/** The tenant tree, the New tenant form, a tenant's own workspace (Log in) and its dialogs. */
package dev.kontor.tenant.ui;
