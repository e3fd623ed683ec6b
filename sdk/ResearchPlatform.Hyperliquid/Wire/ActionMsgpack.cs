using System.Buffers;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using MessagePack;

namespace ResearchPlatform.Hyperliquid.Wire;

/// <summary>
/// msgpack encoding of an action exactly as the official SDKs produce it (msgpack-python >= 1.0 / rmp_serde):
/// maps in the JSON object's key order (never sorted), shortest headers (fixstr/str8, fixarray/array16), minimal
/// integers in the unsigned family for non-negatives, booleans and nil. Floats are refused: prices and sizes are
/// strings and amounts are scaled integers, so a JSON number with a fraction or exponent is an error. Uses
/// MessagePack-CSharp's <see cref="MessagePackWriter"/> only (no serializer, no resolver, so no key reordering).
/// </summary>
public static class ActionMsgpack
{
    /// <summary>Encodes a JSON node (object/array/value) to msgpack bytes.</summary>
    public static byte[] Encode(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new MessagePackWriter(buffer);
        Write(ref writer, node, "$");
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(ref MessagePackWriter writer, JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                writer.WriteNil();
                break;
            case JsonObject obj:
                writer.WriteMapHeader(obj.Count);
                foreach (var (key, value) in obj)
                {
                    writer.Write(key);
                    Write(ref writer, value, path + "." + key);
                }

                break;
            case JsonArray array:
                writer.WriteArrayHeader(array.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    Write(ref writer, array[i], path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
                }

                break;
            case JsonValue value:
                WriteValue(ref writer, value, path);
                break;
            default:
                throw new FormatException($"unsupported JSON node at {path}");
        }
    }

    private static void WriteValue(ref MessagePackWriter writer, JsonValue value, string path)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                writer.Write(value.GetValue<string>());
                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            case JsonValueKind.Null:
                writer.WriteNil();
                break;
            case JsonValueKind.Number:
                WriteInteger(ref writer, value, path);
                break;
            default:
                throw new FormatException($"unsupported JSON value at {path}");
        }
    }

    private static void WriteInteger(ref MessagePackWriter writer, JsonValue value, string path)
    {
        if (JsonNumbers.TryGetInt64(value, out var l))
        {
            writer.Write(l);
            return;
        }

        if (JsonNumbers.TryGetUInt64(value, out var u))
        {
            writer.Write(u);
            return;
        }

        if (value.TryGetValue<BigInteger>(out var big) && big >= 0 && big <= ulong.MaxValue)
        {
            writer.Write((ulong)big);
            return;
        }

        throw new FormatException($"number at {path} is not an integer: actions never hash floats (send prices and sizes as strings)");
    }
}
