#include "model/clock.h"

#include <cstdio>

#include "model/date.h"
#include "model/indonesian.h"

namespace inovasi {

std::string utc_timestamp(std::time_t when) {
  std::tm utc{};
  gmtime_r(&when, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string local_readable(const std::string& utc) {
  std::tm parts{};
  if (std::sscanf(utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &parts.tm_year, &parts.tm_mon, &parts.tm_mday,
                  &parts.tm_hour, &parts.tm_min, &parts.tm_sec) != 6) {
    return utc;
  }
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  std::time_t when = timegm(&parts);
  std::tm local{};
  localtime_r(&when, &local);
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d.%02d", local.tm_hour, local.tm_min);
  return indonesian::date_long(Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday}) + " pukul " + clock;
}

int minutes_of_day(std::string_view clock) {
  if (clock.size() != 5 || (clock[2] != ':' && clock[2] != '.')) return -1;
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (clock[i] < '0' || clock[i] > '9') return -1;
  }
  int hours = (clock[0] - '0') * 10 + (clock[1] - '0');
  int minutes = (clock[3] - '0') * 10 + (clock[4] - '0');
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : -1;
}

std::string utc_of_local(const Date& date, int minute_of_day) {
  std::tm local{};
  local.tm_year = date.year - 1900;
  local.tm_mon = date.month - 1;
  local.tm_mday = date.day;
  local.tm_hour = minute_of_day / 60;
  local.tm_min = minute_of_day % 60;
  local.tm_isdst = -1;
  return utc_timestamp(std::mktime(&local));
}

Date local_today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace inovasi
