#!/usr/bin/env python3
"""Writes the large contract of issue 11 to standard output.

4,000 priorities with Chinese definitions and graded response and
resolution targets (business days), one business-hours calendar closed on
20,000 weekdays spread evenly over a 100-year effective period, one
channel: about 2.2 MB, and it checks with no diagnostic at all.

    python3 scripts/big-contract.py > /tmp/big.sla
    slac check /tmp/big.sla && slac build /tmp/big.sla -o /tmp/big.json

docs/benchmarks.md times `slac check` on it against Python's `json.load`
of its rule set.
"""

import datetime
import sys

PRIORITIES = 4000
CLOSED_DAYS = 20000
FIRST_YEAR, YEARS = 2027, 100
FESTIVALS = ["元旦", "春节", "清明节", "劳动节", "端午节", "国庆节"]


def main() -> None:
    out = []
    last_year = FIRST_YEAR + YEARS - 1
    out.append(
        f'contract "客户服务SLA（大型合同）" {{\n'
        f'  id        "BIG-CS"\n'
        f"  language  zh-CN\n"
        f"  effective {FIRST_YEAR}-01-01..{last_year}-12-31\n"
        f'  timezone  "Asia/Shanghai"\n'
        f"  clock     office\n"
        f'  party client   "艾克姆科技有限公司" {{ short "客户" }}\n'
        f'  party provider "海普服务有限公司" {{ short "服务方" }}\n'
        f'  scope {{ service consult "产品使用咨询与指导" }}\n'
        f'  calendar office "工作日 9:00-18:00" {{\n'
        f"    mon-fri 09:00-12:00, 13:00-18:00\n"
    )
    day = datetime.date(FIRST_YEAR, 1, 1)
    end = datetime.date(last_year, 12, 31)
    weekdays = []
    while day <= end:
        if day.weekday() < 5:
            weekdays.append(day)
        day += datetime.timedelta(days=1)
    last = len(weekdays) - 1
    for n in range(CLOSED_DAYS):
        holiday = weekdays[n * last // (CLOSED_DAYS - 1)]
        out.append(f'    closed {holiday.isoformat()} "{FESTIVALS[n % len(FESTIVALS)]}"\n')
    out.append('  }\n  channel hotline "服务热线" { hours office }\n')
    for p in range(1, PRIORITIES + 1):
        out.append(
            f'  priority P{p} "等级{p}" {{ "影响范围第{p}级：直接影响客户业务运营的故障或请求，'
            f'按本等级的时限响应和解决；服务方应在约定渠道的开放时间内受理，'
            f'超出时限的请求计入违约统计，并在月度服务报告中逐项列明原因（详见附件一第二节）。" }}\n'
        )
    out.append("  response {\n")
    out.extend(f"    P{p} within {10 + p} minutes\n" for p in range(1, PRIORITIES + 1))
    out.append("  }\n  resolution {\n")
    out.extend(f"    P{p} within {p} business days\n" for p in range(1, PRIORITIES + 1))
    out.append("  }\n}\n")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
