"""Strings of the written summary (情况简报): sentence templates, filled from lib figures (never a typed figure)."""
from lib.i18n import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    "sum.heading": {"zh": "情况简报", "en": "Summary"},
    # how a count changed, worded by whether the change is beyond chance (lib/metrics/exact_test.py, as the CompStat marks)
    "sum.rise": {"zh": "较{base}上升{pct}%", "en": "up {pct}% on {base}"},
    "sum.fall": {"zh": "较{base}下降{pct}%", "en": "down {pct}% on {base}"},
    "sum.noise": {"zh": "较{base}变化{pct}%,在正常波动范围内,无明显升降",
                  "en": "no clear change on {base} ({pct}%, within normal variation)"},
    "sum.same": {"zh": "与{base}持平", "en": "the same as in {base}"},
    "sum.both_zero": {"zh": "与{base}均为零", "en": "none, as in {base}"},
    "sum.from_zero": {"zh": "{base}为零,增加明显", "en": "none in {base}: a clear rise"},
    "sum.from_zero_noise": {"zh": "{base}为零,增加在正常波动范围内",
                            "en": "none in {base}; the rise is within normal variation"},
    "sum.base_year": {"zh": "{year}年", "en": "{year}"},
    "sum.base_prior": {"zh": "上年同期", "en": "the same period a year earlier"},
    # overview
    "sum.ov_rank": {"zh": "{year}年,{district}在全省{counties}个县(市、区)平安建设群众满意度测评中列第{rank}名{move}{target}。",
                    "en": "In {year}, {district} ranked {rank} of the province's {counties} counties in the public-safety "
                          "satisfaction survey{move}{target}."},
    "sum.ov_rank_up": {"zh": ",较上年上升{places}位", "en": ", up {places} places on the year before"},
    "sum.ov_rank_down": {"zh": ",较上年下降{places}位", "en": ", down {places} places on the year before"},
    "sum.ov_period_ytd": {"zh": "年初至今({start}至{end}),与上年同期相比:",
                          "en": "This year so far ({start} to {end}), against the same days a year earlier:"},
    "sum.rank_within_noise": {"zh": "(名次变化在抽样误差范围内)", "en": " (a move within the survey's margin of error)"},
    "sum.ov_rank_same": {"zh": ",与上年名次相同", "en": ", the same place as the year before"},
    "sum.ov_target_first": {"zh": ",首次进入全省前{target}名", "en": ", inside the top {target} for the first time"},
    "sum.ov_target_kept": {"zh": ",保持在全省前{target}名", "en": ", still inside the top {target}"},
    "sum.ov_incidents": {"zh": "全区共发生刑事治安案件{count}{change};破案率{rate}。",
                         "en": "The district recorded {count} incidents{change}; {rate} were solved."},
    "sum.ov_incidents_no_rate": {"zh": "全区共发生刑事治安案件{count}{change}。",
                                 "en": "The district recorded {count} incidents{change}."},
    "sum.ov_groups": {"zh": "分类别看,{items}。", "en": "By type: {items}."},
    "sum.ov_group_item": {"zh": "{group}案件{count}{change}", "en": "{group}: {count}{change}"},
    "sum.ov_groups_none": {"zh": "各类别案件数与上年相比均无明显升降。",
                           "en": "No type of incident rose or fell beyond normal variation."},
    "sum.ov_crackdown": {"zh": "打掉侵财犯罪团伙{property_gangs},抓获侵财犯罪嫌疑人{property_suspects};"
                               "破获“黄赌”违法犯罪案件{vice_cases},打掉团伙{vice_gangs},抓获违法犯罪人员{vice_suspects};"
                               "挽回各类财产损失{recovered}。",
                         "en": "Police broke up {property_gangs} property-crime gangs and caught {property_suspects} "
                               "suspects; solved {vice_cases} vice cases, broke up {vice_gangs} vice gangs and caught "
                               "{vice_suspects} people; and recovered {recovered} of losses."},
    "sum.ov_gang": {"zh": "判决涉恶案件{cases},抓获涉黑涉恶犯罪嫌疑人{suspects},批准逮捕{arrests}{assets}。",
                    "en": "{cases} gang cases were judged; {suspects} gang suspects were caught and {arrests} "
                          "arrests approved{assets}."},
    "sum.ov_gang_assets": {"zh": ",查扣涉案资产{assets}", "en": "; {assets} of assets were seized"},
    "sum.ov_patrol": {"zh": "巡逻防控及时制止街面违法犯罪{stops},抓获各类逃犯{fugitives}。",
                      "en": "Patrols stopped {stops} street crimes and caught {fugitives} fugitives."},
    "sum.ov_assistants": {"zh": "截至{as_of},{covered}个村(社区)已选配警务助理(共{total}个){plan}。",
                          "en": "By {as_of}, {covered} of {total} villages had a police assistant{plan}."},
    "sum.ov_assistants_plan": {"zh": ",计划于{date}前全部选配", "en": "; all are planned by {date}"},
    "sum.ov_disputes": {"zh": "全年排查非涉稳矛盾纠纷{count}{change}。",
                        "en": "{count} disputes were screened{change}."},
    "sum.ov_channels": {"zh": "{items}。", "en": "{items}."},
    "sum.ov_channel_item": {"zh": "{channel}调成{settled},调解成功率{rate}",
                            "en": "{channel} settled {settled} ({rate} success)"},
    # crime page
    "sum.whole_district": {"zh": "全区", "en": "the whole district"},
    "sum.scope": {"zh": "所选范围({filters})", "en": "the chosen area and types ({filters})"},
    "sum.cr_total": {"zh": "{start}至{end},{scope}共发生案件{count}{change}。",
                     "en": "From {start} to {end}, {scope} recorded {count} incidents{change}."},
    "sum.cr_solved": {"zh": "破案率{rate},挽回损失{recovered}。",
                      "en": "{rate} of them are solved, and {recovered} of losses was recovered."},
    "sum.cr_top_town": {"zh": "按每万人发案数,{town}最高({rate}起/万人,共{count})。",
                        "en": "{town} had the most incidents per 10,000 residents ({rate}; {count} in all)."},
    "sum.cr_compstat": {"zh": "截至{as_of},近28天发生案件{d28}{d28_change};年初至今{ytd}{ytd_change}。",
                        "en": "To {as_of}, the last 28 days had {d28} incidents{d28_change}; the year to date "
                              "{ytd}{ytd_change}."},
    "sum.cr_rising": {"zh": "年初至今明显上升的案件类别:{items}。",
                      "en": "Types clearly up in the year to date: {items}."},
    "sum.cr_rising_item": {"zh": "{type}({count}{change})", "en": "{type} ({count}{change})"},
    "sum.cr_rising_none": {"zh": "年初至今没有明显上升的案件类别。",
                           "en": "No type of incident is clearly up in the year to date."},
    # mediation page
    "sum.med_screened": {"zh": "{start}至{end},{scope}排查矛盾纠纷{count}{change};调解成功率{rate}。",
                         "en": "From {start} to {end}, {scope} screened {count} disputes{change}; "
                               "{rate} were settled."},
    "sum.med_close": {"zh": "已办结纠纷从受理到办结用时中位数为{median},90%在{p90}内办结。",
                      "en": "Closed disputes took {median} from intake to closing at the median; 90% closed "
                            "within {p90}."},
    "sum.med_backlog": {"zh": "截至{day},尚未办结{open},其中超过办理时限{overdue}。",
                        "en": "On {day}, {open} disputes were open, {overdue} of them past their deadline."},
    # patrol page
    "sum.pt_hours": {"zh": "{start}至{end}({shift}),{place}各类巡防力量共巡逻{hours}小时;案件最多的{total}个网格中,"
                           "{covered}个达到每日{dosage}分钟的巡逻标准。",
                     "en": "From {start} to {end} ({shift}), patrols in {place} logged {hours} hours; {covered} of the "
                           "{total} cells with the most incidents met the standard of {dosage} minutes a day."},
    "sum.pt_results": {"zh": "巡逻制止街面违法犯罪{stops}{stops_change};抓获各类逃犯{fugitives}{fugitives_change}。",
                       "en": "Patrols stopped {stops} street crimes{stops_change}; they caught {fugitives} "
                             "fugitives{fugitives_change}."},
    "sum.pt_assistants": {"zh": "截至{as_of},{place}有{covered}个村(社区)已选配警务助理(共{total}个)。",
                          "en": "By {as_of}, {covered} of the {total} villages in {place} had a police assistant."},
    # satisfaction page
    "sum.sat_standing": {"zh": "{year}年,{district}{indicator}得分{score}分,在全省{counties}个县(市、区)中列第{rank}名{move}。",
                         "en": "In {year}, {district} scored {score} on {indicator}, ranking {rank} of {counties} "
                               "counties{move}."},
    "sum.sat_noise": {"zh": "得分较上年变化{change}分,在抽样误差范围内(±{noise}分)。",
                      "en": "The score moved {change} points on the year before, within the survey's margin "
                            "(±{noise})."},
    "sum.sat_real": {"zh": "得分较上年{direction}{change}分,超出抽样误差(±{noise}分)。",
                     "en": "The score {direction} {change} points on the year before, beyond the survey's margin "
                           "(±{noise})."},
    "sum.sat_up": {"zh": "提高", "en": "rose"},
    "sum.sat_down": {"zh": "降低", "en": "fell"},
    "sum.sat_target_reached": {"zh": "已达到全省前{target}名的目标。", "en": "The target of the top {target} is reached."},
    "sum.sat_target_short": {"zh": "距全省前{target}名还差{gap}分(需{needed}分)。",
                             "en": "It is {gap} points short of the top {target} (needs {needed})."},
}
