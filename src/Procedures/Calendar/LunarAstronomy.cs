namespace Procedures.Calendar;

/// <summary>
/// The astronomy behind the lunar calendar (Hồ Ngọc Đức's formulation of Meeus' series): new moons and the
/// sun's longitude, turned into whole Julian day numbers in a given time zone. Days are Julian day numbers.
/// </summary>
internal static class LunarAstronomy
{
    /// <summary>Mean synodic month, days.</summary>
    public const double SynodicMonth = 29.530588853;

    /// <summary>Julian day of the new moon of 1900-01-01, the k = 0 origin of <see cref="NewMoonDay"/>.</summary>
    public const double NewMoonEpoch = 2415021.076998695;

    private const double Rad = Math.PI / 180;

    /// <summary>The day (in the time zone) of the k-th new moon after 1900-01-01.</summary>
    public static int NewMoonDay(int k, double utcOffsetHours) =>
        (int)Math.Floor(NewMoon(k) + 0.5 + utcOffsetHours / 24);

    /// <summary>Which 30° sector (0–11) of the ecliptic the sun is in at local midnight starting <paramref name="day"/>.</summary>
    public static int SunSector(int day, double utcOffsetHours) =>
        (int)Math.Floor(SunLongitude(day - 0.5 - utcOffsetHours / 24) / Math.PI * 6);

    private static double NewMoon(int k)
    {
        var t = k / 1236.85; // Julian centuries since 1900-01-01
        var t2 = t * t;
        var t3 = t2 * t;
        var jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                 + 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * Rad);
        var m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
        var mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's mean anomaly
        var f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's argument of latitude
        var c1 = (0.1734 - 0.000393 * t) * Math.Sin(m * Rad) + 0.0021 * Math.Sin(2 * Rad * m)
                 - 0.4068 * Math.Sin(mpr * Rad) + 0.0161 * Math.Sin(Rad * 2 * mpr)
                 - 0.0004 * Math.Sin(Rad * 3 * mpr)
                 + 0.0104 * Math.Sin(Rad * 2 * f) - 0.0051 * Math.Sin(Rad * (m + mpr))
                 - 0.0074 * Math.Sin(Rad * (m - mpr)) + 0.0004 * Math.Sin(Rad * (2 * f + m))
                 - 0.0004 * Math.Sin(Rad * (2 * f - m)) - 0.0006 * Math.Sin(Rad * (2 * f + mpr))
                 + 0.0010 * Math.Sin(Rad * (2 * f - mpr)) + 0.0005 * Math.Sin(Rad * (2 * mpr + m));
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd + c1 - deltaT;
    }

    /// <summary>The sun's true longitude in radians, normalised to [0, 2π).</summary>
    private static double SunLongitude(double julianDay)
    {
        var t = (julianDay - 2451545.0) / 36525; // Julian centuries since J2000
        var t2 = t * t;
        var m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2; // mean anomaly
        var l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2; // mean longitude
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(Rad * m)
                 + (0.019993 - 0.000101 * t) * Math.Sin(Rad * 2 * m) + 0.000290 * Math.Sin(Rad * 3 * m);
        var l = (l0 + dl) * Rad;
        return l - Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
    }
}
