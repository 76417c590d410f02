package io.energysensors.logservice.events;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
class Float64ArrayConverter implements AttributeConverter<double[], byte[]> {

    @Override
    public byte[] convertToDatabaseColumn(double[] values) {
        return values == null ? null : Float64Array.encode(values);
    }

    @Override
    public double[] convertToEntityAttribute(byte[] bytes) {
        return bytes == null ? null : Float64Array.decode(bytes);
    }
}
