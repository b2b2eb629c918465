/**
 * Access sessions: a partner user working inside a customer's account with the rights of the relationship, never
 * more, bound to one browser tab, ending when they leave, sign out, idle or lose the rights; fully audited.
 */
package dev.kontor.access;
