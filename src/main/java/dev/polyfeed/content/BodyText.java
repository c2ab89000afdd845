package dev.polyfeed.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Where a post body's Markdown is kept until it is rendered: in memory, or in the post's own file.
 *
 * <p>A site's Markdown is most of what it weighs, and is needed only when a body is first rendered,
 * which for most posts of a large site is never or once (renderings are cached). Bodies of Polyfeed's
 * own layout therefore stay in their files, read again when rendered, so that memory holds what feeds
 * list (titles, dates, tags) and not the corpus: the heap does not grow with the Markdown. Bodies that
 * are not a slice of their file as written (a generator site's, with its template syntax reduced and
 * its links filled in; a file whose bytes had to be repaired) are kept in memory.
 */
public sealed interface BodyText {

    /**
     * The Markdown, decoded, with what had to be repaired in it (lines counted from the body's first).
     *
     * @throws Unavailable when the file no longer holds the body that was loaded
     */
    SourceText read(String source);

    /** Feeds what identifies this text into a digest, without reading it: what tells two loads apart. */
    void digestInto(MessageDigest digest);

    /** Markdown held in memory, as UTF-8 (most posts are not Latin-1: half the bytes of a Java string). */
    final class Inline implements BodyText {
        private final byte[] utf8;
        private final int hash;

        public Inline(byte[] utf8) {
            this.utf8 = Objects.requireNonNull(utf8, "utf8");
            this.hash = Arrays.hashCode(utf8);
        }

        byte[] bytes() {
            return utf8;
        }

        @Override
        public SourceText read(String source) {
            return new SourceText(new String(utf8, StandardCharsets.UTF_8), List.of());
        }

        @Override
        public void digestInto(MessageDigest digest) {
            // the length first: no two bodies feed the same bytes
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(utf8.length).array());
            digest.update(utf8);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Inline inline && hash == inline.hash && Arrays.equals(utf8, inline.utf8);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * The body as the rest of a file, after its front matter: read when rendered. The file is checked
     * to be the one loaded (its size and modification time, to the nanosecond where the file system
     * keeps them), so that what a publication serves stays what it loaded. A file whose front matter is
     * unchanged but whose body was edited is still this post, and its new body is served; anything else
     * is {@link Unavailable} until the reload that the change calls for.
     *
     * @param file the post's file
     * @param offset where the body starts: the length of the front matter, closing fence included
     * @param size the file's size when loaded
     * @param modified the file's modification time when loaded
     * @param headCrc CRC-32C of the file's first {@code offset} bytes when loaded
     * @param mdx whether the file is MDX, whose {@code import}/{@code export} lines and comments go
     */
    record InFile(Path file, long offset, long size, FileTime modified, int headCrc, boolean mdx) implements BodyText {

        public InFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(modified, "modified");
            if (offset < 0 || offset > size) {
                throw new IllegalArgumentException("a body starts inside its file: offset " + offset + ", size " + size);
            }
        }

        static int crc(byte[] bytes, int length) {
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, length);
            return (int) crc.getValue();
        }

        @Override
        public SourceText read(String source) {
            byte[] body;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
                if (now.size() == size && now.lastModifiedTime().equals(modified)) {
                    body = readFully(channel, offset, size - offset);
                } else {
                    body = changedBody(channel, now.size(), source);
                }
            } catch (NoSuchFileException e) {
                throw new Unavailable(source, "the file was removed after it was loaded");
            } catch (IOException e) {
                throw new Unavailable(source, "the file cannot be read any more: " + e.getMessage());
            }
            SourceText decoded = SourceText.isClean(body) ? new SourceText(new String(body, StandardCharsets.UTF_8), List.of())
                    : SourceText.repair(body, source);
            return mdx ? new SourceText(Mdx.withoutModuleSyntax(decoded.text()), decoded.warnings()) : decoded;
        }

        /** The file changed since it was loaded: its new body is this post's if its front matter did not change. */
        private byte[] changedBody(FileChannel channel, long sizeNow, String source) throws IOException {
            if (sizeNow < offset || sizeNow > ContentLoader.MAX_POST_BYTES) {
                throw new Unavailable(source, "the file changed after it was loaded");
            }
            byte[] whole = readFully(channel, 0, sizeNow);
            if (crc(whole, (int) offset) != headCrc) {
                throw new Unavailable(source, "its front matter changed after it was loaded");
            }
            return Arrays.copyOfRange(whole, (int) offset, whole.length);
        }

        private static byte[] readFully(FileChannel channel, long from, long length) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate((int) length);
            long position = from;
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break; // shortened while being read: what there is, and the next load sees the rest
                }
                position += read;
            }
            return buffer.position() == buffer.capacity() ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
        }

        @Override
        public void digestInto(MessageDigest digest) {
            digest.update(ByteBuffer.allocate(4 * Long.BYTES + Integer.BYTES + 1).putLong(offset).putLong(size)
                    .putLong(modified.toInstant().getEpochSecond()).putLong(modified.toInstant().getNano()).putInt(headCrc)
                    .put((byte) (mdx ? 1 : 0)).array());
            digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A body whose file no longer holds what was loaded (removed, or its front matter rewritten): the
     * post as published cannot be rendered, and a reload will publish what the file holds now.
     */
    final class Unavailable extends RuntimeException {
        private final String source;

        public Unavailable(String source, String why) {
            super(source + ": " + why + "; it is served again once the content is reloaded");
            this.source = source;
        }

        public String source() {
            return source;
        }
    }
}
