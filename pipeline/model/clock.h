#pragma once
// Wall-clock times as the store keeps them: UTC, ISO 8601 with seconds
// ("2026-12-07T09:30:00Z"), which sort as text, so that SQL can compare an expiry with
// now. Pages show them in the server's local time.

#include <ctime>
#include <string>

#include "model/date.h"

namespace inovasi {

std::string utc_timestamp(std::time_t when);
inline std::string utc_now() { return utc_timestamp(std::time(nullptr)); }
// "7 Desember 2026 pukul 16.30" in the server's time zone; the text itself when it is
// not a timestamp this file wrote.
std::string local_readable(const std::string& utc);
// A local date and "HH:MM" (the server's time zone) as a UTC timestamp; empty when the
// clock text is not a time of day.
std::string utc_of_local(int year, int month, int day, const std::string& clock);
// Today in the server's time zone: the date links expire on and requests are filed on.
Date local_today();

}  // namespace inovasi
