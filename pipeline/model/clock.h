#pragma once
// Wall-clock times as the store keeps them: UTC, ISO 8601 with seconds
// ("2026-12-07T09:30:00Z"), which sort as text, so that SQL can compare an expiry with
// now. Pages show them in the server's local time.

#include <ctime>
#include <string>
#include <string_view>

#include "model/date.h"

namespace inovasi {

std::string utc_timestamp(std::time_t when);
inline std::string utc_now() { return utc_timestamp(std::time(nullptr)); }
// "7 Desember 2026 pukul 16.30" in the server's time zone; the text itself when it is
// not a timestamp this file wrote.
std::string local_readable(const std::string& utc);
// Minutes since midnight of a time of day as sessions write it, "HH:MM" or "HH.MM";
// -1 for anything else.
int minutes_of_day(std::string_view clock);
// A local date and minute of the day (the server's time zone) as a UTC timestamp.
std::string utc_of_local(const Date& date, int minute_of_day);
// Today in the server's time zone: the date links expire on and requests are filed on.
Date local_today();

}  // namespace inovasi
