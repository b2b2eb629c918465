/**
 * Partners and their customers: relationship requests and their answers, the rights a customer grants, the
 * managed-customers list, employees' assignments, reviews and the end of a partnership.
 */
package dev.kontor.partner;
