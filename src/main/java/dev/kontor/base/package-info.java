/**
 * What every feature shares: the main layout, i18n, error pages and small UI parts. It never imports a feature;
 * it is an open module because every view uses its layout and components.
 */
@ApplicationModule(displayName = "Base", type = ApplicationModule.Type.OPEN)
@OwnsTables("shedlock")
package dev.kontor.base;

import org.springframework.modulith.ApplicationModule;
