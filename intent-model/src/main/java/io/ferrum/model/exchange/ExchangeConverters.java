package io.ferrum.model.exchange;

import io.ferrum.model.common.WireValueConverter;
import jakarta.persistence.Converter;

/** JPA converter storing the connection status as its wire value. */
final class ExchangeConverters {

    private ExchangeConverters() {
    }

    @Converter(autoApply = true)
    static class ConnectionStatusConverter extends WireValueConverter<ConnectionStatus> {
        ConnectionStatusConverter() {
            super(ConnectionStatus.class);
        }
    }
}
