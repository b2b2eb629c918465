/**
 * Replacing a person everywhere: a preview of every place a leaving person holds in the organizations the acting
 * person may change (contact person, deputy, manager, tenant administrator, partner staff, contact), each with what
 * would happen there, kept as rows so that it pages from the database however many organizations it spans.
 *
 * <p>Read models (declared with {@code @ReadModel}, see docs/decisions/0009): {@link ReplacementStore} reads every
 * place a person holds (memberships, contact persons and deputies, contacts, tenants) as preview rows in set-based
 * statements.
 */
@OwnsTables({"person_replacement", "person_replacement_item"})
package dev.kontor.replace;

import dev.kontor.base.OwnsTables;
