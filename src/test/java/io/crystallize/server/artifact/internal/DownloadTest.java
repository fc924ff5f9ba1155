package io.crystallize.server.artifact.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.crystallize.server.artifact.internal.ArtifactLayoutTest.sha256;
import static io.crystallize.server.artifact.internal.Definitions.experiment;
import static io.crystallize.server.artifact.internal.Definitions.step;
import static org.assertj.core.api.Assertions.assertThat;

/** The download endpoint: every header, conditional and range requests, errors, and a streamed 100 MiB file. */
class DownloadTest extends ArtifactHttpTest {

    static final int SIZE = 1000;

    @Autowired
    ArtifactStore store;
    @Autowired
    ArtifactRecorder recorder;

    String experimentId;
    JsonNode run;
    JsonNode artifact;
    byte[] content = BytesArtifactStep.content(SIZE, 0);

    String name;

    @BeforeEach
    void oneArtifact() {
        name = unique("download");
        experimentId = http.createExperiment(experiment(name, List.of(
                step("artifact.bytes", Map.of("name", "bytes.bin", "size", SIZE)),
                step("artifact.bytes", Map.of("name", "résumé \"x\";.txt", "size", 3))), List.of(), 1, Map.of()));
        run = http.runCompleted(experimentId);
        artifact = http.get("/api/runs/" + run.get("id").asString() + "/artifacts").json().get(0);
    }

    @Test
    void downloadsTheBytesWithEveryHeader() throws Exception {
        Http.Response r = http.get(url());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bytes()).isEqualTo(content);
        assertThat(r.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(SIZE));
        assertThat(r.header("ETag")).isEqualTo("\"" + sha256(content) + "\"");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"bytes.bin\"");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(artifact.get("sha256").asString()).isEqualTo(sha256(content));
    }

    @Test
    void aNameThatIsNotPlainAsciiGetsASafeFallbackAndItsExactForm() {
        JsonNode text = http.get("/api/runs/" + run.get("id").asString() + "/artifacts").json().get(1);
        Http.Response r = http.get(text.get("downloadUrl").asString());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.header("Content-Disposition")).isEqualTo(
                "attachment; filename=\"r_sum_ _x__.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22x%22%3B.txt");
    }

    @Test
    void aMatchingIfNoneMatchIsNotModified() {
        String etag = http.get(url()).header("ETag");
        Http.Response r = http.get(url(), "If-None-Match", etag);
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.bytes()).isEmpty();
        assertThat(r.header("ETag")).isEqualTo(etag);
        assertThat(http.get(url(), "If-None-Match", "\"other\"").status()).isEqualTo(200);
    }

    @Test
    void rangesArePartialContent() {
        Http.Response first = http.get(url(), "Range", "bytes=0-99");
        assertThat(first.status()).isEqualTo(206);
        assertThat(first.header("Content-Range")).isEqualTo("bytes 0-99/" + SIZE);
        assertThat(first.header("Content-Length")).isEqualTo("100");
        assertThat(first.bytes()).isEqualTo(Arrays.copyOfRange(content, 0, 100));

        Http.Response suffix = http.get(url(), "Range", "bytes=-10");
        assertThat(suffix.status()).isEqualTo(206);
        assertThat(suffix.header("Content-Range")).isEqualTo("bytes 990-999/" + SIZE);
        assertThat(suffix.bytes()).isEqualTo(Arrays.copyOfRange(content, 990, 1000));

        Http.Response open = http.get(url(), "Range", "bytes=900-");
        assertThat(open.status()).isEqualTo(206);
        assertThat(open.bytes()).isEqualTo(Arrays.copyOfRange(content, 900, 1000));
    }

    @Test
    void anUnsatisfiableRangeIs416WithoutTheFile() {
        Http.Response r = http.get(url(), "Range", "bytes=5000-6000");
        assertThat(r.status()).isEqualTo(416);
        assertThat(r.header("Content-Range")).isEqualTo("bytes */" + SIZE);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.bytes().length).isLessThan(SIZE);
    }

    /** A file swapped for a symlink out of the root, or changed under its record, is not served under the stored ETag. */
    @Test
    void aSymlinkOutOfTheRootOrAChangedSizeIsGone() throws Exception {
        java.nio.file.Path file = ROOT.resolve(name).resolve("v0/replicate_0/baseline/artifact.bytes/bytes.bin");
        assertThat(java.nio.file.Files.size(file)).isEqualTo(SIZE);
        java.nio.file.Path outside = java.nio.file.Files.write(SANDBOX.resolve(name + "-secret.bin"), new byte[SIZE]);
        java.nio.file.Files.delete(file);
        java.nio.file.Files.createSymbolicLink(file, outside);
        Http.Response linked = http.get(url());
        assertThat(linked.status()).isEqualTo(410);
        assertThat(linked.header("Content-Type")).startsWith("application/problem+json");

        java.nio.file.Files.delete(file);
        java.nio.file.Files.write(file, new byte[SIZE - 1]);
        assertThat(http.get(url()).status()).isEqualTo(410);
    }

    /** RFC 9110 §14.2: a Range that is not a valid bytes range set is ignored, as are several ranges (allowed). */
    @Test
    void malformedOrForeignRangesAreIgnored() {
        for (String range : List.of("bytes=abc", "bytes=5-2", "items=0-9", "bytes", "bytes=--1", "0-99", "bytes=0-9,20-29")) {
            Http.Response r = http.get(url(), "Range", range);
            assertThat(r.status()).as(range).isEqualTo(200);
            assertThat(r.bytes()).as(range).isEqualTo(content);
            assertThat(r.header("Content-Range")).as(range).isNull();
        }
        Http.Response otherVersion = http.get(url(), "Range", "bytes=0-9", "If-Range", "\"not-the-etag\"");
        assertThat(otherVersion.status()).isEqualTo(200);
        assertThat(otherVersion.bytes()).isEqualTo(content);
    }

    @Test
    void unknownArtifactsAre404AndMalformedIdsAre400() {
        Http.Response unknown = http.get("/api/artifacts/" + UUID.randomUUID() + "/content");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.get("/api/artifacts/not-a-uuid/content").status()).isEqualTo(400);
    }

    @Test
    void aFileGoneFromTheStoreIs410() throws Exception {
        java.nio.file.Files.delete(ROOT.resolve(nameOf()).resolve("v0/replicate_0/baseline/artifact.bytes/bytes.bin"));
        assertThat(http.get(url()).status()).isEqualTo(410);
    }

    /** 100 MiB written straight to the store and recorded, then downloaded as a stream and hashed on the fly. */
    @Test
    void streamsAHundredMegabyteArtifact() throws Exception {
        long size = 100L * MIB;
        String key = nameOf() + "/v0/replicate_0/baseline/artifact.bytes/huge.bin";
        String root = store.root(ROOT.toString());
        StoredFile stored = store.write(root, key, new PatternInputStream(size));
        recorder.record(new NewArtifact(UUID.fromString(run.get("id").asString()), UUID.fromString(experimentId),
                nameOf(), 0, 0, "baseline", 9, "artifact.bytes", "huge.bin", root, key, stored, "application/octet-stream"));
        JsonNode huge = null;
        for (JsonNode a : http.get("/api/runs/" + run.get("id").asString() + "/artifacts").json()) {
            huge = a.get("name").asString().equals("huge.bin") ? a : huge;
        }
        assertThat(huge).isNotNull();
        assertThat(huge.get("sizeBytes").asLong()).isEqualTo(size);

        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(http.uri(huge.get("downloadUrl").asString()))
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Length")).hasValue(String.valueOf(size));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long read = 0;
        try (InputStream in = new DigestInputStream(r.body(), sha)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read += n;
            }
        }
        assertThat(read).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(stored.sha256());

        Http.Response middle = http.get(huge.get("downloadUrl").asString(), "Range", "bytes=52428800-52428809");
        assertThat(middle.status()).isEqualTo(206);
        byte[] expected = new byte[10];
        for (int i = 0; i < 10; i++) {
            expected[i] = PatternInputStream.at(52428800L + i);
        }
        assertThat(middle.bytes()).isEqualTo(expected);
    }

    private String url() {
        return artifact.get("downloadUrl").asString();
    }

    private String nameOf() {
        return http.get("/api/experiments/" + experimentId).json().get("name").asString();
    }
}
