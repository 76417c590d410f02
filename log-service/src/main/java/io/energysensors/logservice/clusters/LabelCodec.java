package io.energysensors.logservice.clusters;

import java.util.Arrays;

/**
 * The stored form of a run's labels ({@code cluster_membership.members}): per event, in ascending id order, the id as an
 * unsigned LEB128 varint of its difference to the previous id (the first one zigzag-encoded
 * whole), then {@code label + 1} as an unsigned varint. Ids come from a sequence, so differences
 * are small: about 2 bytes per event instead of a row each.
 */
final class LabelCodec {

    /** An id takes at most 10 bytes, a label 5. */
    static final int MAX_BYTES_PER_EVENT = 15;

    private LabelCodec() {}

    /** Events {@code from .. to - 1}; ids must ascend strictly and labels be -1 or more. */
    static byte[] encode(long[] ids, int[] labels, int from, int to) {
        Output out = new Output(new byte[Math.multiplyExact(to - from, MAX_BYTES_PER_EVENT)]);
        long previous = 0;
        for (int i = from; i < to; i++) {
            long id = ids[i];
            if (i == from) {
                out.varint((id << 1) ^ (id >> 63));
            } else if (id > previous) {
                out.varint(id - previous);
            } else {
                throw new IllegalArgumentException(
                        "ids must ascend strictly: " + id + " at " + i + " follows " + previous);
            }
            if (labels[i] < -1) {
                throw new IllegalArgumentException("label " + labels[i] + " of event " + id + " is below -1");
            }
            out.varint(labels[i] + 1L);
            previous = id;
        }
        return Arrays.copyOf(out.bytes, out.position);
    }

    /**
     * Decodes {@code count} events into {@code ids} and {@code labels} from {@code offset} on.
     *
     * @throws IllegalArgumentException if the bytes hold fewer or more events, or are not this form
     */
    static void decode(byte[] bytes, int count, long[] ids, int[] labels, int offset) {
        Cursor cursor = new Cursor(bytes);
        long previous = 0;
        for (int i = 0; i < count; i++) {
            long value = cursor.varint();
            long id = i == 0 ? (value >>> 1) ^ -(value & 1) : previous + value;
            long label = cursor.varint() - 1;
            if (label > Integer.MAX_VALUE || label < -1) {
                throw new IllegalArgumentException("label out of range at byte " + cursor.position);
            }
            ids[offset + i] = id;
            labels[offset + i] = (int) label;
            previous = id;
        }
        if (cursor.position != bytes.length) {
            throw new IllegalArgumentException(
                    (bytes.length - cursor.position) + " bytes left over after " + count + " events");
        }
    }

    private static final class Output {

        private final byte[] bytes;
        private int position;

        Output(byte[] bytes) {
            this.bytes = bytes;
        }

        void varint(long value) {
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                bytes[position++] = (byte) (rest | 0x80);
                rest >>>= 7;
            }
            bytes[position++] = (byte) rest;
        }
    }

    private static final class Cursor {

        private final byte[] bytes;
        private int position;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position == bytes.length) {
                    throw new IllegalArgumentException("membership bytes end inside a number at byte " + position);
                }
                byte b = bytes[position++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a number longer than 10 bytes ends at byte " + position);
        }
    }
}
