/**
 * Replacing a person everywhere: a preview of every place a leaving person holds in the organizations the acting
 * person may change (contact person, deputy, manager, tenant administrator, partner staff, contact), each with what
 * would happen there, kept as rows so that it pages from the database however many organizations it spans.
 */
package dev.kontor.replace;
