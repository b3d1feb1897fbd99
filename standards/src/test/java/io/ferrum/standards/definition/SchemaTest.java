package io.ferrum.standards.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.ferrum.standards.Examples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaTest {

    private static final String RESOURCE = "/schema/site-definition.schema.json";

    private static Schema schema() throws IOException {
        try (InputStream in = SchemaTest.class.getResourceAsStream(RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(text, InputFormat.JSON);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small-site.yaml", "small-site-v2.yaml", "large-site.yaml"})
    void everyExampleIsValidAgainstThePublishedSchema(String example) throws IOException {
        List<Error> errors = schema().validate(Examples.text(example), InputFormat.YAML);

        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaRefusesAnUnknownField() throws IOException {
        List<Error> errors = schema().validate(Examples.text("bad/unknown-field.yaml"), InputFormat.YAML);

        assertThat(errors).extracting(Error::getMessage).anyMatch(m -> m.contains("cout"));
    }

    @Test
    void theExamplesDirectoryCarriesTheSameSchemaAsTheJar() throws IOException {
        try (InputStream in = SchemaTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(Files.readString(Examples.DIR.resolve("site-definition.schema.json")))
                    .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
