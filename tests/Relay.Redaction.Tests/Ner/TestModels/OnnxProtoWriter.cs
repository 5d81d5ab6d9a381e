using Google.Protobuf;

namespace StealthRelay.Redaction.Tests.Ner.TestModels;

/// <summary>
/// Writes the few ONNX protobuf messages a tiny test model needs (ModelProto, GraphProto, NodeProto, TensorProto,
/// ValueInfoProto) field by field, so tests build real models without Python or the onnx package.
/// Field numbers are those of onnx/onnx.proto3.
/// </summary>
internal static class OnnxProtoWriter
{
    public const int Float = 1;
    public const int Int64 = 7;

    public static byte[] Model(byte[] graph, long opset = 13) => Message(o =>
    {
        o.WriteTag(1, WireFormat.WireType.Varint);
        o.WriteInt64(8); // ir_version
        o.WriteTag(2, WireFormat.WireType.LengthDelimited);
        o.WriteString("stealthrelay-tests"); // producer_name
        WriteMessage(o, 7, graph);
        WriteMessage(o, 8, Message(opsetId =>
        {
            opsetId.WriteTag(1, WireFormat.WireType.LengthDelimited);
            opsetId.WriteString(string.Empty);
            opsetId.WriteTag(2, WireFormat.WireType.Varint);
            opsetId.WriteInt64(opset);
        }));
    });

    public static byte[] Graph(
        string name, IEnumerable<byte[]> nodes, IEnumerable<byte[]> initializers, IEnumerable<byte[]> inputs,
        IEnumerable<byte[]> outputs) => Message(o =>
    {
        foreach (var node in nodes)
        {
            WriteMessage(o, 1, node);
        }

        o.WriteTag(2, WireFormat.WireType.LengthDelimited);
        o.WriteString(name);
        foreach (var initializer in initializers)
        {
            WriteMessage(o, 5, initializer);
        }

        foreach (var input in inputs)
        {
            WriteMessage(o, 11, input);
        }

        foreach (var output in outputs)
        {
            WriteMessage(o, 12, output);
        }
    });

    /// <param name="intAttributes">INT attributes, e.g. Cast's <c>to</c>.</param>
    public static byte[] Node(string opType, string[] inputs, string[] outputs, params (string Name, long Value)[] intAttributes) =>
        Message(o =>
        {
            foreach (var input in inputs)
            {
                o.WriteTag(1, WireFormat.WireType.LengthDelimited);
                o.WriteString(input);
            }

            foreach (var output in outputs)
            {
                o.WriteTag(2, WireFormat.WireType.LengthDelimited);
                o.WriteString(output);
            }

            o.WriteTag(3, WireFormat.WireType.LengthDelimited);
            o.WriteString($"{opType}_{outputs[0]}");
            o.WriteTag(4, WireFormat.WireType.LengthDelimited);
            o.WriteString(opType);
            foreach (var (name, value) in intAttributes)
            {
                WriteMessage(o, 5, Message(a =>
                {
                    a.WriteTag(1, WireFormat.WireType.LengthDelimited);
                    a.WriteString(name);
                    a.WriteTag(3, WireFormat.WireType.Varint);
                    a.WriteInt64(value);
                    a.WriteTag(20, WireFormat.WireType.Varint);
                    a.WriteEnum(2); // AttributeType.INT
                }));
            }
        });

    public static byte[] FloatTensor(string name, long[] dims, float[] values) => Message(o =>
    {
        WriteDims(o, dims);
        o.WriteTag(2, WireFormat.WireType.Varint);
        o.WriteInt32(Float);
        o.WriteTag(8, WireFormat.WireType.LengthDelimited);
        o.WriteString(name);
        var raw = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        o.WriteTag(9, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(raw));
    });

    public static byte[] Int64Tensor(string name, long[] dims, long[] values) => Message(o =>
    {
        WriteDims(o, dims);
        o.WriteTag(2, WireFormat.WireType.Varint);
        o.WriteInt32(Int64);
        o.WriteTag(8, WireFormat.WireType.LengthDelimited);
        o.WriteString(name);
        var raw = new byte[values.Length * sizeof(long)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        o.WriteTag(9, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(raw));
    });

    /// <param name="dims">A dimension is either a fixed size (long) or a symbolic name (string).</param>
    public static byte[] ValueInfo(string name, int elementType, params object[] dims) => Message(o =>
    {
        o.WriteTag(1, WireFormat.WireType.LengthDelimited);
        o.WriteString(name);
        WriteMessage(o, 2, Message(type => WriteMessage(type, 1, Message(tensor =>
        {
            tensor.WriteTag(1, WireFormat.WireType.Varint);
            tensor.WriteInt32(elementType);
            WriteMessage(tensor, 2, Message(shape =>
            {
                foreach (var dim in dims)
                {
                    WriteMessage(shape, 1, Message(d =>
                    {
                        if (dim is string symbol)
                        {
                            d.WriteTag(2, WireFormat.WireType.LengthDelimited);
                            d.WriteString(symbol);
                        }
                        else
                        {
                            d.WriteTag(1, WireFormat.WireType.Varint);
                            d.WriteInt64(Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture));
                        }
                    }));
                }
            }));
        }))));
    });

    private static void WriteDims(CodedOutputStream o, long[] dims)
    {
        foreach (var dim in dims)
        {
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteInt64(dim);
        }
    }

    private static void WriteMessage(CodedOutputStream o, int field, byte[] message)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(message));
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        return buffer.ToArray();
    }
}
