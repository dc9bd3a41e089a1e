package dev.backupdoctor.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.backupdoctor.Consultation;
import dev.backupdoctor.json.InvalidSnapshotException;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.json.SnapshotWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A consultation's whole {@link Consultation.State} as a token its client keeps between turns, so
 * that no server keeps the conversation: any instance with the same rules continues it, after a
 * restart too, and a server's memory doesn't grow with the conversations going on.
 *
 * <p>A token is {@code base64url(payload) "." base64url(tag)}. The payload is a line of JSON with
 * what was settled, then the snapshot so far as {@link SnapshotWriter} writes it; decoding reads
 * that snapshot with {@link SnapshotReader}, as strictly as a request's. The tag is an HMAC-SHA256
 * of the payload, cut to 128 bits, under a key built into Backup Doctor: it is the same on every
 * instance without any set-up, and it tells a token that was cut, mangled or edited from one this
 * code wrote. As the key is public it is no defence against forgery, nor needs to be: a token
 * holds only what its client told the server, which the client could as well send afresh in a new
 * consultation, and resuming checks what it holds against the plan.
 *
 * <p>Thread-safe.
 */
public final class ConsultationToken {

    /** The most bytes of a token's progress line: far more than the settled ids of any plan. */
    private static final int MAX_PROGRESS_BYTES = 64 * 1024;
    /** The most ids a token's progress line lists in each of its sets. */
    private static final int MAX_SETTLED_IDS = 1_000;
    private static final int TAG_BYTES = 16;
    private static final int VERSION = 1;
    private static final byte[] KEY = "Backup Doctor consultation token, version 1".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> PROGRESS_FIELDS = Set.of("v", "questionsSettled", "actionsSettled", "walking", "ending", "fixedBy");
    private static final String NOT_A_TOKEN = "$.token: not a consultation token, or it was altered";

    /** The longest token: one whose snapshot is as large as a request's may be. */
    public static final int MAX_CHARS = base64Chars(MAX_PROGRESS_BYTES + 1 + SnapshotReader.MAX_BYTES) + 1 + base64Chars(TAG_BYTES);

    private final SnapshotReader reader = new SnapshotReader();
    private final SnapshotWriter writer = new SnapshotWriter();
    private final JsonFactory json = new JsonFactory();

    /**
     * The token for a consultation's state.
     *
     * @param state what the consultation has learned and settled
     * @return the token, in the characters of base64url and one dot
     */
    public String encode(Consultation.State state) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(1024);
        try (JsonGenerator progress = json.createGenerator(payload)) {
            progress.writeStartObject();
            progress.writeNumberField("v", VERSION);
            ids(progress, "questionsSettled", state.questionsSettled());
            ids(progress, "actionsSettled", state.actionsSettled());
            progress.writeBooleanField("walking", state.walking());
            progress.writeStringField("ending", state.ending() == null ? null : state.ending().name());
            progress.writeStringField("fixedBy", state.fixedBy());
            progress.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        payload.write('\n');
        payload.writeBytes(writer.toJsonLine(state.snapshot()).getBytes(StandardCharsets.UTF_8));
        byte[] bytes = payload.toByteArray();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(bytes) + "." + base64.encodeToString(tag(bytes));
    }

    /**
     * The state a token holds.
     *
     * @param token a token {@link #encode} wrote
     * @return the consultation's state, its snapshot read strictly
     * @throws BadRequest if it is longer than {@link #MAX_CHARS}, is not a token, was altered, or its
     *     snapshot is not valid here (a token of another version)
     */
    public Consultation.State decode(String token) {
        if (token.length() > MAX_CHARS) {
            throw new BadRequest("$.token: longer than any consultation token (" + token.length() + " characters, the limit is "
                    + MAX_CHARS + ")");
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] tag;
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            payload = base64.decode(token.substring(0, Math.max(dot, 0)));
            tag = base64.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            throw new BadRequest(NOT_A_TOKEN);
        }
        if (dot < 0 || !MessageDigest.isEqual(tag, tag(payload))) {
            throw new BadRequest(NOT_A_TOKEN);
        }
        int newline = indexOf(payload, (byte) '\n');
        if (newline < 0 || newline > MAX_PROGRESS_BYTES) {
            throw new BadRequest(NOT_A_TOKEN);
        }
        JsonNode progress = progress(Arrays.copyOf(payload, newline));
        try {
            return new Consultation.State(reader.read(payload, newline + 1, payload.length - newline - 1),
                    ids(progress.get("questionsSettled")), ids(progress.get("actionsSettled")),
                    progress.get("walking").booleanValue(), ending(progress.get("ending")),
                    progress.get("fixedBy").isNull() ? null : progress.get("fixedBy").textValue());
        } catch (InvalidSnapshotException invalid) {
            throw new BadRequest("$.token: its snapshot is not valid here: " + invalid.getMessage());
        } catch (IllegalArgumentException inconsistent) {
            throw new BadRequest(NOT_A_TOKEN);
        }
    }

    /** The progress line, checked field by field; a tag that fits makes a failure here a token of another version. */
    private static JsonNode progress(byte[] line) {
        JsonNode progress;
        try {
            progress = RequestJson.parse(line);
            RequestJson.requireObject(progress, "$", PROGRESS_FIELDS, "progress");
        } catch (BadRequest malformed) {
            throw new BadRequest(NOT_A_TOKEN);
        }
        boolean whole = PROGRESS_FIELDS.stream().allMatch(progress::has)
                && progress.get("v").isInt() && progress.get("v").intValue() == VERSION
                && idList(progress.get("questionsSettled")) && idList(progress.get("actionsSettled"))
                && progress.get("walking").isBoolean()
                && (progress.get("ending").isNull() || progress.get("ending").isTextual())
                && (progress.get("fixedBy").isNull() || progress.get("fixedBy").isTextual());
        if (!whole) {
            throw new BadRequest(NOT_A_TOKEN);
        }
        return progress;
    }

    private static boolean idList(JsonNode ids) {
        if (!ids.isArray() || ids.size() > MAX_SETTLED_IDS) {
            return false;
        }
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> ids(JsonNode ids) {
        Set<String> read = new LinkedHashSet<>();
        ids.forEach(id -> read.add(id.textValue()));
        return read;
    }

    /** @throws IllegalArgumentException if it names no ending */
    private static Consultation.Ending ending(JsonNode ending) {
        return ending.isNull() ? null : Consultation.Ending.valueOf(ending.textValue());
    }

    /** Sorted, so that one state always gives one token. */
    private static void ids(JsonGenerator progress, String field, Set<String> ids) throws IOException {
        progress.writeArrayFieldStart(field);
        for (String id : new TreeSet<>(ids)) {
            progress.writeString(id);
        }
        progress.writeEndArray();
    }

    private static byte[] tag(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA256.
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int base64Chars(int bytes) {
        return (bytes * 4 + 2) / 3;
    }
}
