/**
 * The provider's administration of its own people: the first provider administrator of a new installation, and the
 * support staff and further provider administrators, invited, deactivated and reactivated by provider administrators.
 */
package dev.kontor.provider;
