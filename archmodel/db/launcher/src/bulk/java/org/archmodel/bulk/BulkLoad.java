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
import java.util.Arrays;
import java.util.stream.Stream;

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
