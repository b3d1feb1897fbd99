package io.ferrum.model.inventory;

import io.ferrum.model.dcim.SiteStatus;

/** The site a snapshot describes. {@code address} is the postal address. */
public record SiteInfo(String code, String name, String address, String timezone, SiteStatus status) {
}
