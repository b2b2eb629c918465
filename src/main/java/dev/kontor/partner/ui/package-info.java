/** The partner's views: managed customers, requests; and the page where a customer answers a request. */
package dev.kontor.partner.ui;
