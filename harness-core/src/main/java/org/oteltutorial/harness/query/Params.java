package org.oteltutorial.harness.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;

/** Request parameters in the order they are added; a name may repeat ({@code service=a&service=b}). */
final class Params {

    private final List<Map.Entry<String, String>> entries = new ArrayList<>();

    static Params of(String name, String value) {
        return new Params().add(name, value);
    }

    static Params none() {
        return new Params();
    }

    Params add(String name, String value) {
        entries.add(Map.entry(name, value));
        return this;
    }

    Params addAll(String name, Collection<String> values) {
        values.forEach(value -> add(name, value));
        return this;
    }

    void appendTo(HttpUrl.Builder url) {
        entries.forEach(entry -> url.addQueryParameter(entry.getKey(), entry.getValue()));
    }

    FormBody toFormBody() {
        FormBody.Builder form = new FormBody.Builder();
        entries.forEach(entry -> form.add(entry.getKey(), entry.getValue()));
        return form.build();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
