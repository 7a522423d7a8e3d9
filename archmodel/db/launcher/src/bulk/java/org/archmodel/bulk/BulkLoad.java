package org.archmodel.bulk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.exceptions.KernelException;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.TokenWrite;
import org.neo4j.internal.kernel.api.Write;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.TerminationGuard;
import org.neo4j.procedure.UserFunction;
import org.neo4j.values.ElementIdMapper;
import org.neo4j.values.storable.BooleanValue;
import org.neo4j.values.storable.Value;
import org.neo4j.values.storable.Values;

/**
 * archmodel's server-side bulk path (archmodel/db/bulk.py writes the files it reads).
 *
 * Creating a relationship through Cypher costs the server a planned row, two element-id lookups
 * and a property map per link; through the Kernel API in the caller's transaction it is a
 * relationship record and its properties, with every page looked up and every distinct text
 * turned into a property value once per file. The client still parses, normalises and validates
 * every row; it only hands the finished rows over as a compact file in the server's import
 * folder instead of as Bolt parameters.
 *
 * The procedure writes in the transaction of the Cypher query that calls it, so one call is one
 * commit: the client decides the batch, retries a failed batch as a whole, and the crawl's
 * generation is switched only after the last batch (docs/graph-model.md), exactly as on the Bolt
 * path. A server stopped mid-call rolls the batch back; the next load removes the partial
 * generation.
 *
 * Link file (little-endian): the 8 bytes "AMLINKS1"; an int32 count of strings, each an int32
 * byte length and that many UTF-8 bytes; an int32 count of rows, each nine int32: source and
 * target (string ids of the pages' element ids), anchor, alt, position, anchor_key, names (string
 * ids; -1 for null; names are condition ids joined by U+001F), count, and flags (1 body, 2 follow,
 * 4 own_name).
 *
 * Pages, entities, their relationships and the pages' metrics go through `archmodel.bulk.nodes`,
 * `archmodel.bulk.relationships` and `archmodel.bulk.set` from row files: one JSON array
 * (Jackson, which every Neo4j 5 server carries, streams it) of property maps, `[start, end,
 * properties]` or `[node, properties]` rows, nodes named by element id. Property values are what
 * Cypher's `SET n = map` stores from the same Bolt parameters: strings, integers (long), floats
 * (double), booleans and lists of one of those; null leaves the property unset, and an empty list
 * is stored as an empty string list, as Cypher stores it.
 */
public final class BulkLoad {
    /** The file format this extension reads; the client writes the same magic. */
    public static final String LINKS_MAGIC = "AMLINKS1";
    private static final int GUARD_EVERY = 8192;
    private static final String[] NO_NAMES = new String[0];

    @Context
    public Transaction tx;

    @Context
    public GraphDatabaseAPI api;

    @Context
    public TerminationGuard guard;

    /** One output row of `archmodel.bulk.links`. */
    public static final class Written {
        public final long links;

        public Written(long links) {
            this.links = links;
        }
    }

    @Procedure(name = "archmodel.bulk.links", mode = Mode.WRITE)
    @Description("archmodel.bulk.links(file) - create the LINKS_TO relationships of one archmodel link file "
            + "in the server's import folder, in the calling transaction; returns how many were created.")
    public Stream<Written> links(@Name("file") String file) throws IOException, KernelException {
        ByteBuffer buffer = map(importFile(file));
        byte[] magic = new byte[LINKS_MAGIC.length()];
        buffer.get(magic);
        String found = new String(magic, StandardCharsets.US_ASCII);
        if (!LINKS_MAGIC.equals(found)) {
            throw new IllegalArgumentException(file + " is not an archmodel link file of format " + LINKS_MAGIC
                    + " (it starts with '" + found + "'): install the extension jar of the archmodel version in use");
        }
        String[] strings = readStrings(buffer);
        Value[] texts = new Value[strings.length];
        Value[] names = new Value[strings.length];
        long[] nodes = new long[strings.length];
        Arrays.fill(nodes, -1L);
        KernelTransaction kernel = ((InternalTransaction) tx).kernelTransaction();
        Write write = kernel.dataWrite();
        TokenWrite tokens = kernel.tokenWrite();
        int linksTo = tokens.relationshipTypeGetOrCreateForName("LINKS_TO");
        int anchorKey = tokens.propertyKeyGetOrCreateForName("anchor");
        int altKey = tokens.propertyKeyGetOrCreateForName("alt");
        int positionKey = tokens.propertyKeyGetOrCreateForName("position");
        int bodyKey = tokens.propertyKeyGetOrCreateForName("body");
        int followKey = tokens.propertyKeyGetOrCreateForName("follow");
        int countKey = tokens.propertyKeyGetOrCreateForName("count");
        int anchorKeyKey = tokens.propertyKeyGetOrCreateForName("anchor_key");
        int namesKey = tokens.propertyKeyGetOrCreateForName("names");
        int ownNameKey = tokens.propertyKeyGetOrCreateForName("own_name");
        int rows = buffer.getInt();
        for (int row = 0; row < rows; row++) {
            if (row % GUARD_EVERY == 0) {
                guard.check();
            }
            int source = buffer.getInt();
            int target = buffer.getInt();
            int anchor = buffer.getInt();
            int alt = buffer.getInt();
            int position = buffer.getInt();
            int folded = buffer.getInt();
            int namesId = buffer.getInt();
            int count = buffer.getInt();
            int flags = buffer.getInt();
            long link = write.relationshipCreate(node(nodes, strings, source), linksTo, node(nodes, strings, target));
            setText(write, link, anchorKey, texts, strings, anchor);
            setText(write, link, altKey, texts, strings, alt);
            setText(write, link, positionKey, texts, strings, position);
            write.relationshipSetProperty(link, bodyKey, Values.booleanValue((flags & 1) != 0));
            write.relationshipSetProperty(link, followKey, Values.booleanValue((flags & 2) != 0));
            write.relationshipSetProperty(link, countKey, Values.longValue(count));
            setText(write, link, anchorKeyKey, texts, strings, folded);
            if (namesId >= 0) {
                write.relationshipSetProperty(link, namesKey, names(names, strings, namesId));
            }
            if ((flags & 4) != 0) {
                write.relationshipSetProperty(link, ownNameKey, BooleanValue.TRUE);
            }
        }
        return Stream.of(new Written(rows));
    }

    /** One output row of `archmodel.bulk.nodes`: the created nodes' element ids, in file order. */
    public static final class Created {
        public final List<String> elements;

        public Created(List<String> elements) {
            this.elements = elements;
        }
    }

    /** One output row of `archmodel.bulk.relationships` and `archmodel.bulk.set`. */
    public static final class Counted {
        public final long rows;

        public Counted(long rows) {
            this.rows = rows;
        }
    }

    @Procedure(name = "archmodel.bulk.nodes", mode = Mode.WRITE)
    @Description("archmodel.bulk.nodes(file, label) - create one node with `label` per property map of an archmodel "
            + "row file in the server's import folder, in the calling transaction; returns their element ids in order.")
    public Stream<Created> nodes(@Name("file") String file, @Name("label") String label)
            throws IOException, KernelException {
        KernelTransaction kernel = ((InternalTransaction) tx).kernelTransaction();
        Write write = kernel.dataWrite();
        int[] labels = {kernel.tokenWrite().labelGetOrCreateForName(label)};
        ElementIdMapper elements = ((InternalTransaction) tx).elementIdMapper();
        PropertyKeys keys = new PropertyKeys(kernel.tokenWrite());
        List<String> created = new ArrayList<>();
        try (JsonParser parser = rows(file)) {
            while (nextRow(parser, created.size())) {
                long node = write.nodeCreateWithLabels(labels);
                readProperties(parser, keys, (key, value) -> write.nodeSetProperty(node, key, value));
                created.add(elements.nodeElementId(node));
            }
        }
        return Stream.of(new Created(created));
    }

    @Procedure(name = "archmodel.bulk.relationships", mode = Mode.WRITE)
    @Description("archmodel.bulk.relationships(file, type) - create one `type` relationship per [start, end, properties] "
            + "row of an archmodel row file (nodes by element id), in the calling transaction; returns how many.")
    public Stream<Counted> relationships(@Name("file") String file, @Name("type") String type)
            throws IOException, KernelException {
        KernelTransaction kernel = ((InternalTransaction) tx).kernelTransaction();
        Write write = kernel.dataWrite();
        int typeToken = kernel.tokenWrite().relationshipTypeGetOrCreateForName(type);
        ElementIdMapper elements = ((InternalTransaction) tx).elementIdMapper();
        PropertyKeys keys = new PropertyKeys(kernel.tokenWrite());
        long count = 0;
        try (JsonParser parser = rows(file)) {
            while (nextRow(parser, count)) {
                requireCurrent(parser, JsonToken.START_ARRAY, "a [start, end, properties] row");
                long start = elements.nodeId(text(parser));
                long end = elements.nodeId(text(parser));
                long relationship = write.relationshipCreate(start, typeToken, end);
                readProperties(parser, keys, (key, value) -> write.relationshipSetProperty(relationship, key, value));
                requireNext(parser, JsonToken.END_ARRAY, "the end of a [start, end, properties] row");
                count++;
            }
        }
        return Stream.of(new Counted(count));
    }

    @Procedure(name = "archmodel.bulk.set", mode = Mode.WRITE)
    @Description("archmodel.bulk.set(file) - set the properties of each [node, properties] row of an archmodel row file "
            + "(nodes by element id), in the calling transaction; returns how many rows.")
    public Stream<Counted> set(@Name("file") String file) throws IOException, KernelException {
        KernelTransaction kernel = ((InternalTransaction) tx).kernelTransaction();
        Write write = kernel.dataWrite();
        ElementIdMapper elements = ((InternalTransaction) tx).elementIdMapper();
        PropertyKeys keys = new PropertyKeys(kernel.tokenWrite());
        long count = 0;
        try (JsonParser parser = rows(file)) {
            while (nextRow(parser, count)) {
                requireCurrent(parser, JsonToken.START_ARRAY, "a [node, properties] row");
                long node = elements.nodeId(text(parser));
                readProperties(parser, keys, (key, value) -> write.nodeSetProperty(node, key, value));
                requireNext(parser, JsonToken.END_ARRAY, "the end of a [node, properties] row");
                count++;
            }
        }
        return Stream.of(new Counted(count));
    }

    @UserFunction(name = "archmodel.bulk.probe")
    @Description("archmodel.bulk.probe(file) - the text of a small file in the server's import folder: "
            + "how archmodel checks that it shares that folder with the server.")
    public String probe(@Name("file") String file) throws IOException {
        Path path = importFile(file);
        if (Files.size(path) > 1024) {
            throw new IllegalArgumentException(file + " is larger than a probe file (1 KB)");
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    /** A file named relative to `server.directories.import`; names that leave that folder are refused. */
    private Path importFile(String file) {
        Path root = api.getDependencyResolver().resolveDependency(Config.class)
                .get(GraphDatabaseSettings.load_csv_file_url_root);
        if (root == null) {
            throw new IllegalStateException("the server has no import folder (server.directories.import is not set)");
        }
        Path base = root.toAbsolutePath().normalize();
        Path path = base.resolve(file).normalize();
        if (!path.startsWith(base) || path.equals(base)) {
            throw new IllegalArgumentException(file + " is not a file inside the server's import folder " + base);
        }
        return path;
    }

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** A parser on a row file, past the opening bracket of its one JSON array. */
    private JsonParser rows(String file) throws IOException {
        JsonParser parser = JSON.createParser(importFile(file).toFile());
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            parser.close();
            throw new IllegalArgumentException(file + " is not an archmodel row file (one JSON array of rows)");
        }
        return parser;
    }

    /** Moves to the next row's first token; false at the end of the array. */
    private boolean nextRow(JsonParser parser, long done) throws IOException {
        if (done % GUARD_EVERY == 0) {
            guard.check();
        }
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new IllegalArgumentException("an archmodel row file ends before its array does");
        }
        return token != JsonToken.END_ARRAY;
    }

    /** The row's current token must be `expected`. */
    private static void requireCurrent(JsonParser parser, JsonToken expected, String what) {
        if (parser.currentToken() != expected) {
            throw new IllegalArgumentException("an archmodel row file has " + parser.currentToken() + " where " + what
                    + " belongs");
        }
    }

    /** The row's next token must be `expected`. */
    private static void requireNext(JsonParser parser, JsonToken expected, String what) throws IOException {
        parser.nextToken();
        requireCurrent(parser, expected, what);
    }

    private static String text(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("an archmodel row file has " + parser.currentToken()
                    + " where an element id belongs");
        }
        return parser.getText();
    }

    /** Where a property of a row goes: a node or a relationship of the calling transaction. */
    @FunctionalInterface
    private interface PropertySink {
        void set(int key, Value value) throws KernelException;
    }

    /** Property key tokens by name, looked up once per file. */
    private static final class PropertyKeys {
        private final TokenWrite tokens;
        private final Map<String, Integer> known = new HashMap<>();

        PropertyKeys(TokenWrite tokens) {
            this.tokens = tokens;
        }

        int of(String name) throws KernelException {
            Integer key = known.get(name);
            if (key == null) {
                key = tokens.propertyKeyGetOrCreateForName(name);
                known.put(name, key);
            }
            return key;
        }
    }

    /** Reads one property map into `sink`: the current token when it opens the map (a node row),
     * else the next (after the element ids of a relationship or set row). Null values are skipped,
     * as Cypher's `SET n = map` leaves them unset. */
    private static void readProperties(JsonParser parser, PropertyKeys keys, PropertySink sink)
            throws IOException, KernelException {
        if (parser.currentToken() != JsonToken.START_OBJECT && parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("an archmodel row file has " + parser.currentToken()
                    + " where a property map belongs");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            int key = keys.of(parser.currentName());
            Value value = value(parser, parser.nextToken());
            if (value != null) {
                sink.set(key, value);
            }
        }
    }

    private static Value value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return Values.stringValue(parser.getText());
            case VALUE_NUMBER_INT:
                return Values.longValue(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return Values.doubleValue(parser.getDoubleValue());
            case VALUE_TRUE:
                return BooleanValue.TRUE;
            case VALUE_FALSE:
                return BooleanValue.FALSE;
            case VALUE_NULL:
                return null;
            case START_ARRAY:
                return list(parser);
            default:
                throw new IllegalArgumentException("an archmodel row file has " + token + " where a property value belongs");
        }
    }

    /** A list property: every item of one type, as Neo4j stores lists; an empty list is a string list. */
    private static Value list(JsonParser parser) throws IOException {
        List<Object> items = new ArrayList<>();
        JsonToken kind = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            JsonToken itemKind = token == JsonToken.VALUE_FALSE ? JsonToken.VALUE_TRUE : token;
            if (kind != null && kind != itemKind) {
                throw new IllegalArgumentException("an archmodel row file has a list mixing " + kind + " and " + itemKind
                        + ": Neo4j stores lists of one type only");
            }
            kind = itemKind;
            switch (token) {
                case VALUE_STRING -> items.add(parser.getText());
                case VALUE_NUMBER_INT -> items.add(parser.getLongValue());
                case VALUE_NUMBER_FLOAT -> items.add(parser.getDoubleValue());
                case VALUE_TRUE -> items.add(Boolean.TRUE);
                case VALUE_FALSE -> items.add(Boolean.FALSE);
                default -> throw new IllegalArgumentException("an archmodel row file has " + token + " inside a list");
            }
        }
        if (kind == null || kind == JsonToken.VALUE_STRING) {
            return Values.stringArray(items.toArray(new String[0]));
        }
        if (kind == JsonToken.VALUE_NUMBER_INT) {
            return Values.longArray(items.stream().mapToLong(item -> (Long) item).toArray());
        }
        if (kind == JsonToken.VALUE_NUMBER_FLOAT) {
            return Values.doubleArray(items.stream().mapToDouble(item -> (Double) item).toArray());
        }
        boolean[] flags = new boolean[items.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = (Boolean) items.get(i);
        }
        return Values.booleanArray(flags);
    }

    private static ByteBuffer map(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return mapped.order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static String[] readStrings(ByteBuffer buffer) {
        String[] strings = new String[buffer.getInt()];
        for (int i = 0; i < strings.length; i++) {
            byte[] bytes = new byte[buffer.getInt()];
            buffer.get(bytes);
            strings[i] = new String(bytes, StandardCharsets.UTF_8);
        }
        return strings;
    }

    /** The internal id of the page whose element id is string `id`, looked up once per file. The
     * Kernel API's Write addresses nodes by internal id, which Entity.getId is the way to reach
     * in 5.26 (deprecated for removal in a later major version, with the rest of internal ids). */
    @SuppressWarnings("removal")
    private long node(long[] nodes, String[] strings, int id) {
        long node = nodes[id];
        if (node < 0) {
            node = tx.getNodeByElementId(strings[id]).getId();
            nodes[id] = node;
        }
        return node;
    }

    private static void setText(Write write, long link, int key, Value[] texts, String[] strings, int id)
            throws KernelException {
        if (id >= 0) {
            Value value = texts[id];
            if (value == null) {
                value = Values.stringValue(strings[id]);
                texts[id] = value;
            }
            write.relationshipSetProperty(link, key, value);
        }
    }

    private static Value names(Value[] names, String[] strings, int id) {
        Value value = names[id];
        if (value == null) {
            String joined = strings[id];
            value = Values.stringArray(joined.isEmpty() ? NO_NAMES : joined.split("\u001f", -1));
            names[id] = value;
        }
        return value;
    }
}
