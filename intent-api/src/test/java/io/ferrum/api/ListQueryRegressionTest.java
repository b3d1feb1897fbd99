package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Issue 13: listing filters and paging that answered 500 now filter, or refuse with 400/422 naming the field. */
class ListQueryRegressionTest extends ApiTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"sites", "racks", "devices", "cables", "prefixes", "ip-addresses", "exchange-connections"})
    void theTagFilterFiltersOnEveryListThatOffersIt(String resource) {
        var tagged = admin.get("/api/v1/" + resource + "?tag=ferrum:std");
        assertThat(tagged.status()).as(tagged.toString()).isEqualTo(200);
        var none = admin.get("/api/v1/" + resource + "?tag=no-such-tag-anywhere");
        assertThat(none.status()).as(none.toString()).isEqualTo(200);
        assertThat(none.json().get("total").asLong()).isZero();
    }

    @Test
    void theTagFilterFindsWhatCarriesTheTag() {
        String code = "tagged" + System.nanoTime() % 100000;
        assertThat(admin.post("/api/v1/sites", map("code", code, "name", "Tagged", "tags", List.of("team:ops")))
                .status()).isEqualTo(201);
        var found = admin.get("/api/v1/sites?tag=team:ops");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("\"code\":\"" + code + "\"");
    }

    @Test
    void aPageBeyondTwoToTheThirtyOneRowsIsRefusedNamingPage() {
        var response = admin.get("/api/v1/sites?page=2147484&size=1000");
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"page\"");
    }
}
