using System.Numerics;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC;
using BcInteger = Org.BouncyCastle.Math.BigInteger;

namespace ResearchPlatform.Hyperliquid.Signing;

/// <summary>
/// secp256k1 through BouncyCastle: RFC 6979 deterministic ECDSA (HMAC-SHA256) with low-s normalization, the recovery
/// id, public-key recovery (SEC 1 v2 section 4.1.6) and Ethereum addresses. No curve arithmetic is written here: points,
/// decompression and multiplication are BouncyCastle's.
/// </summary>
public static class Secp256k1
{
    private static readonly ECDomainParameters Domain = CreateDomain();
    private static readonly BcInteger HalfN = Domain.N.ShiftRight(1);

    /// <summary>The curve order n.</summary>
    public static BigInteger Order { get; } = ToBig(Domain.N);

    /// <summary>Signs a 32-byte digest; v = 27 + recovery id, s is low.</summary>
    public static EcdsaSignature Sign(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> privateKey32)
    {
        if (digest32.Length != 32)
        {
            throw new ArgumentException("digest must be 32 bytes", nameof(digest32));
        }

        var d = new BcInteger(1, privateKey32.ToArray());
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(d, Domain));
        var digest = digest32.ToArray();
        var rs = signer.GenerateSignature(digest);
        var r = rs[0];
        var s = rs[1];
        if (s.CompareTo(HalfN) > 0)
        {
            s = Domain.N.Subtract(s);
        }

        var expected = Domain.G.Multiply(d).Normalize();
        for (var recId = 0; recId < 4; recId++)
        {
            var q = Recover(digest, r, s, recId);
            if (q is not null && q.Equals(expected))
            {
                return new EcdsaSignature(ToBig(r), ToBig(s), 27 + recId);
            }
        }

        throw new InvalidOperationException("no recovery id reproduces the public key");
    }

    /// <summary>Recovers the signer's address ("0x" + 40 lowercase hex) or null when the signature is invalid.</summary>
    public static string? RecoverAddress(ReadOnlySpan<byte> digest32, EcdsaSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var recId = signature.V >= 27 ? signature.V - 27 : signature.V;
        if (digest32.Length != 32 || recId is < 0 or > 3 || signature.R.Sign <= 0 || signature.S.Sign <= 0
            || signature.R >= Order || signature.S >= Order)
        {
            return null;
        }

        var q = Recover(digest32.ToArray(), ToBc(signature.R), ToBc(signature.S), recId);
        return q is null ? null : AddressOf(q);
    }

    /// <summary>The Ethereum address of a private key.</summary>
    public static string AddressOfPrivateKey(ReadOnlySpan<byte> privateKey32) =>
        AddressOf(Domain.G.Multiply(new BcInteger(1, privateKey32.ToArray())).Normalize());

    /// <summary>True when the 32 bytes are a valid private key (1 &lt;= d &lt; n).</summary>
    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey32)
    {
        if (privateKey32.Length != 32)
        {
            return false;
        }

        var d = new BcInteger(1, privateKey32.ToArray());
        return d.SignValue > 0 && d.CompareTo(Domain.N) < 0;
    }

    private static ECPoint? Recover(byte[] digest, BcInteger r, BcInteger s, int recId)
    {
        var n = Domain.N;
        var x = r.Add(BcInteger.ValueOf(recId / 2).Multiply(n));
        var prime = ((FpCurve)Domain.Curve).Q;
        if (x.CompareTo(prime) >= 0)
        {
            return null;
        }

        var encoded = new byte[33];
        encoded[0] = (byte)((recId & 1) == 1 ? 0x03 : 0x02);
        var xBytes = x.ToByteArrayUnsigned();
        xBytes.CopyTo(encoded, 33 - xBytes.Length);
        ECPoint rPoint;
        try
        {
            rPoint = Domain.Curve.DecodePoint(encoded);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (!rPoint.Multiply(n).IsInfinity)
        {
            return null;
        }

        var e = new BcInteger(1, digest);
        var eInv = BcInteger.Zero.Subtract(e).Mod(n);
        var rInv = r.ModInverse(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Domain.G, rInv.Multiply(eInv).Mod(n), rPoint, rInv.Multiply(s).Mod(n)).Normalize();
        return q.IsInfinity ? null : q;
    }

    private static string AddressOf(ECPoint q)
    {
        var uncompressed = q.GetEncoded(false);
        var hash = Keccak.Hash(uncompressed.AsSpan(1));
        return Hex.Encode(hash.AsSpan(12));
    }

    private static ECDomainParameters CreateDomain()
    {
        var p = SecNamedCurves.GetByName("secp256k1");
        return new ECDomainParameters(p.Curve, p.G, p.N, p.H);
    }

    private static BigInteger ToBig(BcInteger value) => new(value.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);

    private static BcInteger ToBc(BigInteger value) => new(1, value.ToByteArray(isUnsigned: true, isBigEndian: true));
}
