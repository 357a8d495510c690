extension UInt8 {
    /// The byte with an ASCII capital letter made small, every other byte unchanged: the case
    /// fold of the byte-level fast paths, which match ICU's full fold on ASCII text.
    @inline(__always)
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
}
