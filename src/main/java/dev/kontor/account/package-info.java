/** Customer accounts as their managers see them: the dashboard of a person's organizations. */
package dev.kontor.account;
