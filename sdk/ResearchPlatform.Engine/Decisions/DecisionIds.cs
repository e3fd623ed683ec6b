using System.Globalization;
using System.Security.Cryptography;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>
/// Formats decision ids (<c>d</c> + 13-digit UTC milliseconds + <c>-</c> + 12 random hex digits) without a call into the
/// OS's cryptographic generator per id: each thread draws 4 KiB from <see cref="RandomNumberGenerator"/> at a time and
/// spends 6 bytes per id (one refill per 682 ids). The bytes are the same cryptographic quality; asking the generator
/// for 6 bytes per id cost about 6 us on this machine (a system call), more than the rest of a decision.
/// </summary>
internal static class DecisionIds
{
    private const int BufferBytes = 4096;
    private const int BytesPerId = 6;

    [ThreadStatic]
    private static byte[]? _buffer;

    [ThreadStatic]
    private static int _used;

    /// <summary>A new id for a decision taken at <paramref name="at"/>.</summary>
    public static string New(DateTimeOffset at)
    {
        var ms = at.ToUnixTimeMilliseconds();
        var buffer = _buffer;
        if (buffer is null || _used > BufferBytes - BytesPerId)
        {
            buffer = _buffer ??= new byte[BufferBytes];
            RandomNumberGenerator.Fill(buffer);
            _used = 0;
        }

        var state = (Ms: ms, Buffer: buffer, Offset: _used);
        _used += BytesPerId;
        if (ms is < 0 or > 9_999_999_999_999)
        {
            // Outside 1970..2286 the 13-digit layout does not hold: the general (slower) formatting, as before.
            return "d" + ms.ToString("D13", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(buffer, state.Offset, BytesPerId);
        }

        return string.Create(1 + 13 + 1 + (2 * BytesPerId), state, static (span, s) =>
        {
            span[0] = 'd';
            var ms = s.Ms;
            for (var i = 13; i >= 1; i--)
            {
                span[i] = (char)('0' + (int)(ms % 10));
                ms /= 10;
            }

            span[14] = '-';
            var bytes = s.Buffer.AsSpan(s.Offset, BytesPerId);
            for (var i = 0; i < bytes.Length; i++)
            {
                span[15 + (2 * i)] = Hex(bytes[i] >> 4);
                span[16 + (2 * i)] = Hex(bytes[i] & 0xF);
            }
        });
    }

    private static char Hex(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
