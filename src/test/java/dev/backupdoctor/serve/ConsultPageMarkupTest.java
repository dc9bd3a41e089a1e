package dev.backupdoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The consult page as a file: self-contained, labelled, and with no way for server text to become markup. */
class ConsultPageMarkupTest {

    static final String RESOURCE = "dev/backupdoctor/serve/consult.html";

    static String page() throws IOException {
        try (InputStream in = ConsultPageMarkupTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void fetchesNothingFromElsewhere() throws IOException {
        Document page = Jsoup.parse(page());
        assertThat(page.select("[src], link, [href]")).as("elements that load or link anything").isEmpty();
        assertThat(page.html()).doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:")
                .doesNotContain("url(").doesNotContain("@import");
        assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .startsWith("default-src 'none';").contains("connect-src 'self'");
    }

    @Test
    void neverTurnsTextIntoMarkup() throws IOException {
        String script = Jsoup.parse(page()).select("script").html();
        assertThat(script).contains("textContent")
                .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                .doesNotContain("document.write").doesNotContain("eval(").doesNotContain("new Function");
    }

    @Test
    void everyFieldHasALabelAndTheTurnIsAnnounced() throws IOException {
        Document page = Jsoup.parse(page());
        for (Element field : page.select("input, select, textarea")) {
            boolean wrapped = !field.parents().select("label").isEmpty();
            boolean named = !field.id().isEmpty() && !page.select("label[for=" + field.id() + "]").isEmpty();
            assertThat(wrapped || named).as("a label for " + field).isTrue();
        }
        assertThat(page.getElementById("turn").attr("aria-live")).isEqualTo("polite");
        assertThat(page.getElementById("error").attr("role")).isEqualTo("alert");
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
    }
}
