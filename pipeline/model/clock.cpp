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

std::string utc_of_local(int year, int month, int day, const std::string& clock) {
  int hour = -1, minute = -1;
  char tail = 0;
  if (std::sscanf(clock.c_str(), "%2d%*[:.]%2d%c", &hour, &minute, &tail) != 2 || hour < 0 || hour > 23 || minute < 0 ||
      minute > 59) {
    return {};
  }
  std::tm local{};
  local.tm_year = year - 1900;
  local.tm_mon = month - 1;
  local.tm_mday = day;
  local.tm_hour = hour;
  local.tm_min = minute;
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
