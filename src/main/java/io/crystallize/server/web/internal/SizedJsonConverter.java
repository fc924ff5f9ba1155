package io.crystallize.server.web.internal;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Spring MVC's JSON converter, writing each answer with its {@code Content-Length}: the object is serialized into
 * bytes first, then written in one go. Spring flushes the body after every converter write, and Jetty sends a
 * response flushed before it is complete as chunks of unknown length (and compresses it whatever its size); with the
 * length known, a small answer is one plain write and {@code server.compression.min-response-size} holds. What goes
 * through this converter is bounded (single resources, pages of at most 100, problems); the large bodies (results,
 * units, seeds, CSV) are written by their endpoints as stored bytes or streams.
 */
class SizedJsonConverter extends JacksonJsonHttpMessageConverter {

    SizedJsonConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    protected void writeInternal(Object object, ResolvableType type, HttpOutputMessage output, Map<String, Object> hints)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        super.writeInternal(object, type, new HttpOutputMessage() {
            @Override
            public OutputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return output.getHeaders();
            }
        }, hints);
        output.getHeaders().setContentLength(body.size());
        body.writeTo(output.getBody());
    }
}
