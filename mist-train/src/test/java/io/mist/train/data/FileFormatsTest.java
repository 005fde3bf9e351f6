package io.mist.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.train.internal.NpyHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one NPY parser and writer, and the one set of CSV rules, as the streaming readers use them. */
class FileFormatsTest {
    @TempDir
    Path dir;

    /** A version-1 .npy file with header dictionary {@code dict} and raw data bytes. */
    private Path npy(String name, String dict, byte[] data) throws IOException {
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        byte[] h = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) h.length).put(h).put(data);
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    @Test
    void aStringTypedArrayNamesItsDtypeAndWhatIsSupported() throws IOException {
        Path p = npy("s.npy", "{'descr': '<U5', 'fortran_order': False, 'shape': (2,), }", new byte[40]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyHeader.read("--x", p));
        String m = e.getMessage();
        assertTrue(m.startsWith("--x: "), m);
        assertTrue(m.contains("dtype '<U5' (Unicode strings)"), m);
        assertTrue(m.contains("supported: float64, float32"), m);
        assertTrue(!m.contains("unreadable"), m);
    }

    /** Rank-3 arrays (Jacobians [n, dy, dx]) are written and read back only where a reader asks for them. */
    @Test
    void rankThreeArraysRoundTripWhereAllowed() throws IOException {
        Path p = dir.resolve("j.npy");
        try (NpyWriter w = NpyWriter.create(p, 2, 2, 3)) {
            w.writeRow(1, 2, 3, 4, 5, 6);
            w.writeRow(7, 8, 9, 10, 11, 12);
        }
        NpyHeader h = NpyHeader.read("jacobian", p, 3);
        assertEquals(java.util.List.of(2, 2, 3), h.shape());
        assertEquals(6, h.cols());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, h.readAll());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyHeader.read("--x", p));
        assertEquals("--x: " + p + " must hold a 1-D or 2-D array, got shape (2, 2, 3)", e.getMessage());
        Path one = dir.resolve("v.npy");
        try (NpyWriter w = NpyWriter.create(one, 2, new int[0])) {
            w.writeRow(1);
            w.writeRow(2);
        }
        assertEquals(java.util.List.of(2), NpyHeader.read("--y", one).shape());
    }

    @Test
    void aStructuredArrayIsNamedAsSuch() throws IOException {
        Path p = npy("r.npy", "{'descr': [('a', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,), }",
                new byte[12]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyHeader.read("--y", p));
        assertTrue(e.getMessage().contains("structured array"), e.getMessage());
    }

    @Test
    void bigEndianIntegersAndColumnSelectionStream() throws IOException {
        ByteBuffer x = ByteBuffer.allocate(3 * 2 * 4).order(ByteOrder.BIG_ENDIAN);
        for (int v : new int[] {1, -2, 3, -4, 5, -6}) {
            x.putInt(v);
        }
        Path xf = npy("x.npy", "{'descr': '>i4', 'fortran_order': False, 'shape': (3, 2), }", x.array());
        Path yf = npy("y.npy", "{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", new byte[] {1, 0, 1});
        NpyData d = NpyData.open("--x", xf, new int[] {1}, "--y", yf, null);
        assertEquals(3, d.size());
        assertEquals(1, d.dimX());
        float[] xo = new float[2];
        float[] yo = new float[2];
        d.read(new int[] {2, 0}, xo, yo);
        assertArrayEquals(new float[] {-6, -2}, xo);
        assertArrayEquals(new float[] {1, 1}, yo);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyData.open("--x", xf, new int[] {2}, "--y", yf, null));
        assertTrue(e.getMessage().contains("column 2 does not exist"), e.getMessage());
    }

    @Test
    void theWriterWritesWhatTheReaderReadsAndRefusesAnIncompleteFile() {
        Path p = dir.resolve("w.npy");
        try (NpyWriter w = NpyWriter.create(p, 2, 2)) {
            w.writeRow(0.25, -1);
            w.writeRow(3, 1e-3);
        }
        NpyData d = NpyData.open(p, p);
        float[] x = new float[4];
        float[] y = new float[4];
        d.read(new int[] {0, 1}, x, y);
        assertArrayEquals(new float[] {0.25f, -1f, 3f, 1e-3f}, x);
        Path q = dir.resolve("short.npy");
        NpyWriter w = NpyWriter.create(q, 3, 1);
        w.writeRow(1.0);
        assertThrows(IllegalStateException.class, w::close);
        assertThrows(IllegalArgumentException.class, () -> NpyWriter.create(q, 0, 1));
    }

    @Test
    void csvDataDetectsSeparatorHeaderAndComments() throws IOException {
        Path p = dir.resolve("d.csv");
        Files.writeString(p, "# made by hand\na;b;c\n1;2;3\n\n# a comment\n4;5;6\r\n7;8;9");
        CsvData d = CsvData.open("--x", p, new int[] {0}, new int[] {2, 1});
        assertEquals(3, d.size());
        float[] x = new float[3];
        float[] y = new float[6];
        d.read(new int[] {0, 1, 2}, x, y);
        assertArrayEquals(new float[] {1, 4, 7}, x);
        assertArrayEquals(new float[] {3, 2, 6, 5, 9, 8}, y);
    }

    @Test
    void csvCellsAreCheckedWithTheUsersNames() throws IOException {
        Path p = dir.resolve("bad.csv");
        Files.writeString(p, "1,2\n3,nan\n5,x\n");
        CsvData d = CsvData.open("--x", p, new int[] {0}, new int[] {1});
        float[] x = new float[1];
        float[] y = new float[1];
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> d.read(new int[] {1}, x, y));
        assertTrue(nan.getMessage().contains("non-finite"), nan.getMessage());
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
                () -> d.read(new int[] {2}, x, y));
        assertTrue(word.getMessage().startsWith("--x: ") && word.getMessage().contains("'x' is not a number"),
                word.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvData.open("--x", p, new int[] {0}, new int[] {5}));
    }
}
