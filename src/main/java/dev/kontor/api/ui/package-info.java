/** The view where provider administrators and partners' legal representatives issue and revoke API tokens. */
package dev.kontor.api.ui;
