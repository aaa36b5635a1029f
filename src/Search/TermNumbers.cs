namespace SiteGen.Search;

/// <summary>
/// Numbers for Han terms keyed as 64-bit values: an open-addressing table (linear probing, power-of-two size). Every
/// character of every Chinese page is looked up twice here (itself and the pair it ends), which with the general
/// dictionary was the largest part of indexing.
/// </summary>
internal sealed class TermNumbers
{
    private long[] _keys = new long[1 << 14];
    private int[] _values = new int[1 << 14]; // the number + 1; 0 is an empty slot
    private int _count, _shift = 64 - 14;

    /// <returns>the key's number, or -1 (and its slot ready for <see cref="Set"/>) when it has none.</returns>
    public int Find(long key, out int slot)
    {
        var mask = _keys.Length - 1;
        slot = (int)((ulong)(key * -7046029254386353131L) >> _shift); // Fibonacci hashing: the top bits of the product
        while (true)
        {
            var value = _values[slot];
            if (value == 0) return -1;
            if (_keys[slot] == key) return value - 1;
            slot = (slot + 1) & mask;
        }
    }

    public void Set(int slot, long key, int number)
    {
        _keys[slot] = key;
        _values[slot] = number + 1;
        if (++_count * 2 > _keys.Length) Grow();
    }

    private void Grow()
    {
        var (keys, values) = (_keys, _values);
        _keys = new long[keys.Length * 2];
        _values = new int[keys.Length * 2];
        _shift--;
        for (var i = 0; i < keys.Length; i++)
        {
            if (values[i] == 0) continue;
            Find(keys[i], out var slot);
            _keys[slot] = keys[i];
            _values[slot] = values[i];
        }
    }
}
