package org.shuzhi.pipeline.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * All notice profiles of a {@code dictionaries/profiles/} folder, loaded once and passed to whoever needs them (no
 * static singleton). Immutable and thread-safe.
 *
 * <p>Loading is schema-checked: Jackson YAML into {@link Profile} with unknown keys, missing required keys, nulls for
 * required values and out-of-range values as errors; each error is a {@link ProfileException} naming the file, the
 * dotted key and the line.
 */
public final class Profiles {
    /** The profile used when neither the run nor the manifest names one. */
    public static final String DEFAULT = "default";
    /** The manifest column that names a report's profile. */
    public static final String MANIFEST_COLUMN = "profile";

    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");

    private final Map<String, Profile> byId;

    private Profiles(Map<String, Profile> byId) {
        this.byId = byId;
    }

    /**
     * Which profile a report is checked against, and why.
     *
     * @param profile the profile
     * @param origin  {@code run} (the {@code --profile} option), {@code manifest} or {@code default}
     * @param note    Chinese remark when the manifest named a profile that does not exist (the default is used), or
     *                empty
     */
    public record Choice(Profile profile, String origin, String note) {
    }

    /**
     * Loads every {@code *.yaml} of {@code dictionaries/profiles/}.
     *
     * @param dictionaries the {@code dictionaries/} folder
     * @throws ProfileException if the folder or the default profile is missing, or a profile is malformed
     */
    public static Profiles load(Path dictionaries) {
        Path dir = dictionaries.resolve("profiles");
        if (!Files.isDirectory(dir)) {
            throw new ProfileException(dir, "", 0, "profile folder not found", null);
        }
        Map<String, Profile> all = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Profile p = read(f);
                all.put(p.id(), p);
            }
        } catch (IOException e) {
            throw new ProfileException(dir, "", 0, "cannot list: " + e.getMessage(), e);
        }
        if (!all.containsKey(DEFAULT)) {
            throw new ProfileException(dir.resolve(DEFAULT + ".yaml"), "", 0, "the default profile is missing", null);
        }
        return new Profiles(Map.copyOf(all));
    }

    /**
     * Reads and checks one profile file.
     *
     * @throws ProfileException if the file is unreadable or malformed, a key is unknown or missing, a value is out of
     *                          range, or the {@code id} differs from the file name
     */
    public static Profile read(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        Profile p;
        try {
            p = yaml.readValue(file.toFile(), Profile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ProfileException(file, key(e), keyLine(file, e.getPropertyName(), line(e.getLocation())),
                    "unknown key (allowed here: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "))
                    + ")", e);
        } catch (JsonMappingException e) {
            String key = key(e);
            Matcher m = MISSING.matcher(e.getOriginalMessage());
            String detail;
            if (m.find()) {
                if (!key.equals(m.group(1)) && !key.endsWith("." + m.group(1))) {
                    key = key.isEmpty() ? m.group(1) : key + "." + m.group(1);
                }
                detail = "required key is missing or null";
            } else {
                detail = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage()
                        : e.getOriginalMessage();
            }
            throw new ProfileException(file, key, line(e.getLocation()), detail, e);
        } catch (JsonProcessingException e) {
            throw new ProfileException(file, "", line(e.getLocation()), "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProfileException(file, "", 0, "cannot read: " + e.getMessage(), e);
        }
        if (p == null) {
            throw new ProfileException(file, "", 0, "empty profile", null);
        }
        requireValues(file, p, "");
        String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (!p.id().equals(name)) {
            throw new ProfileException(file, "id", 1, "id '" + p.id() + "' differs from the file name '" + name + "'",
                    null);
        }
        return p;
    }

    /** Required keys given as an explicit {@code null} (Jackson's {@code required} only checks presence). */
    private static void requireValues(Path file, Object value, String path) {
        if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                requireValues(file, l.get(i), path + "[" + i + "]");
            }
            return;
        }
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String key = path.isEmpty() ? c.getName() : path + "." + c.getName();
            JsonProperty jp = c.getAccessor().getAnnotation(JsonProperty.class);
            if (v == null && jp != null && jp.required()) {
                throw new ProfileException(file, key, lineOf(file, c.getName()), "required key has no value", null);
            }
            requireValues(file, v, key);
        }
    }

    /**
     * Jackson reports some errors of a record at the end of its object; the line of the key itself is the last line
     * at or before that point that starts with the key.
     */
    private static int keyLine(Path file, String key, int reported) {
        try {
            List<String> lines = Files.readAllLines(file);
            Pattern p = Pattern.compile("^\\s*(- )?" + Pattern.quote(key) + "\\s*:");
            for (int i = Math.min(reported, lines.size()) - 1; i >= 0; i--) {
                if (p.matcher(lines.get(i)).find()) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            return reported;
        }
        return reported;
    }

    private static int lineOf(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            Pattern p = Pattern.compile("^\\s*(- )?" + Pattern.quote(key) + "\\s*:\\s*(null|~)?\\s*(#.*)?$");
            for (int i = 0; i < lines.size(); i++) {
                if (p.matcher(lines.get(i)).find()) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static String key(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }

    /** @return the ids of all profiles, sorted */
    public List<String> ids() {
        return byId.keySet().stream().sorted().toList();
    }

    /**
     * @return the profile with this id
     * @throws IllegalArgumentException if there is none (the message lists the ids there are)
     */
    public Profile get(String id) {
        Profile p = byId.get(id);
        if (p == null) {
            throw new IllegalArgumentException("没有名为“" + id + "”的通知配置，可用：" + String.join("、", ids()));
        }
        return p;
    }

    /** @return true when a profile has this id */
    public boolean has(String id) {
        return byId.containsKey(id);
    }

    /**
     * Chooses the profile of a report: the run's profile when given, else the manifest's {@value #MANIFEST_COLUMN}
     * column when it names a known profile, else {@value #DEFAULT} (with a note when the manifest named an unknown one).
     *
     * @param doc        the report (its {@code metadata().extra()} carries the manifest columns)
     * @param runProfile the {@code --profile} option, or null
     * @throws IllegalArgumentException if {@code runProfile} names no profile
     */
    public Choice choose(ReportDocument doc, String runProfile) {
        if (runProfile != null && !runProfile.isBlank()) {
            return new Choice(get(runProfile.strip()), "run", "");
        }
        String fromManifest = doc.metadata().extra().get(MANIFEST_COLUMN);
        if (fromManifest != null && byId.containsKey(fromManifest.strip())) {
            return new Choice(byId.get(fromManifest.strip()), "manifest", "");
        }
        String note = fromManifest == null || fromManifest.isBlank() ? ""
                : "manifest.csv 的 profile 列“" + fromManifest.strip() + "”不是已有的通知配置（可用：" + String.join("、", ids())
                        + "），改用默认配置";
        return new Choice(byId.get(DEFAULT), "default", note);
    }
}
