package dev.backupdoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    private static OpenAPI parsed() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(OpenApiDocument.json(), null, options);
        assertThat(result.getMessages()).isEmpty();
        return result.getOpenAPI();
    }

    @Test
    void swaggerParserReadsTheDocumentWithoutAMessage() {
        OpenAPI api = parsed();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getSpecVersion()).isEqualTo(io.swagger.v3.oas.models.SpecVersion.V31);
        assertThat(api.getInfo().getTitle()).isEqualTo("Backup Doctor");
        assertThat(api.getInfo().getVersion()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void everyOperationOfTheApiIsThereWithTheErrorsItCanGive() {
        Map<String, String> errors = new LinkedHashMap<>();
        parsed().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                errors.put(method + " " + path, String.join(" ", operation.getResponses().keySet()))));
        assertThat(errors).containsExactly(
                Map.entry("GET /healthz", "200 405"),
                Map.entry("GET /openapi.json", "200 405"),
                Map.entry("GET /", "200 405"),
                Map.entry("POST /v1/diagnose", "200 400 405 413 415 503 500"),
                Map.entry("POST /v1/explain/{actionId}", "200 400 404 405 413 415 503 500"),
                Map.entry("POST /v1/report", "200 400 405 413 415 503 500"),
                Map.entry("POST /v1/consultations", "200 400 405 413 415 503 500"),
                Map.entry("POST /v1/consultations/next", "200 400 405 413 415 503 500"));
    }

    @Test
    void everyErrorIsTheErrorBody() {
        OpenAPI api = parsed();
        for (PathItem item : api.getPaths().values()) {
            for (Operation operation : item.readOperations()) {
                operation.getResponses().forEach((status, response) -> {
                    if (!status.equals("200")) {
                        ApiResponse error = api.getComponents().getResponses().get(status);
                        assertThat(response.get$ref()).isEqualTo("#/components/responses/" + status);
                        assertThat(error.getContent().get("application/json").getSchema().get$ref())
                                .isEqualTo("#/components/schemas/Error");
                    }
                });
            }
        }
        Schema<?> error = api.getComponents().getSchemas().get("Error");
        assertThat(error.getRequired()).containsExactly("error");
        assertThat(error.getProperties().get("error").getTypes()).containsExactly("string");
    }

    @Test
    void theSnapshotBodiesAreTheReadersSchema() throws Exception {
        JsonNode document = new ObjectMapper().readTree(OpenApiDocument.json());
        assertThat(document.at("/components/schemas/Snapshot")).hasToString(OpenApiDocument.snapshotSchema().toString());
        for (String path : new String[] {"~1v1~1diagnose", "~1v1~1explain~1{actionId}", "~1v1~1consultations"}) {
            assertThat(document.at("/paths/" + path + "/post/requestBody/content/application~1json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/Snapshot");
        }
        assertThat(document.at("/paths/~1v1~1report/post/requestBody/content").fieldNames())
                .toIterable().containsExactly("application/x-ndjson", "application/json");
    }

    @Test
    void theDocumentIsBuiltOnce() {
        assertThat(OpenApiDocument.json()).isSameAs(OpenApiDocument.json());
    }
}
