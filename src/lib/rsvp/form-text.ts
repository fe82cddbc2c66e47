/**
 * The words of the RSVP form for one event: which fields it shows and each one's label and hint. The page passes
 * them to the island as props, so they travel as HTML and not in the island's script (its 14 KB budget). A school
 * group is booked by its lead teacher, so its form speaks to a teacher, not to a parent. Pure; server side only.
 */
import { sensitivePurpose } from './notice';
import { ARRIVAL_WINDOW, PREP_NOTE_MAX, type RsvpField, type RsvpRules } from './validate';

/** A field's label and hint as the page words them for this event. */
export interface FieldText {
  label: string;
  hint?: string | undefined;
}

/** One choice of the session radio group: the words of its label, and whether it can still be chosen. */
export interface SessionChoice {
  id: string;
  label: string;
  disabled?: boolean | undefined;
}

export type FormText = Partial<Record<RsvpField, FieldText>>;

/** The fields `rules` asks, with their words; `retentionDays` is said at each consent box. */
export function formText(rules: RsvpRules, retentionDays: number): FormText {
  const asks = (f: string) => (rules.fields as readonly string[]).includes(f);
  const per = rules.pupilsPerTeacher;
  const max = rules.maxSeats;
  const kept = `活动结束${retentionDays}天后删除`;
  const t: FormText = {};
  if (rules.sessions.length > 1) t.session = per ? { label: '参观场次', hint: '选这个班级来的那一场。' } : { label: '场次', hint: '选一场参加。' };
  if (asks('school')) t.school = { label: '学校', hint: '请写学校全称。' };
  if (asks('className'))
    t.className = per
      ? { label: '年级和班级', hint: '一份报名对应一个班级，例如：五年级二班。带几个班来的，每个班各报一份。' }
      : { label: '年级和班级', hint: '例如：五年级二班。' };
  if (per) {
    t.pupils = { label: '学生人数', hint: '这个班来参观的学生有多少位。不用填学生的姓名。' };
    t.teachers = { label: '带队老师人数', hint: `每${per}名学生至少要有1位老师。学生和老师都算名额，一共最多${max}位。` };
    t.arrival = { label: '预计到达时间', hint: `北京时间，在这一场开始前${ARRIVAL_WINDOW}分钟以内，例如 08:40。` };
    t.name = { label: '带队老师姓名', hint: '负责这个班的老师，活动当天由您和我们对接。' };
    t.phone = {
      label: '带队老师手机号',
      hint: '11位手机号，只用于活动当天联系和活动有变动时通知您。带几个班的老师，可以用同一个手机号为每个班各报一份。',
    };
  } else {
    t.name = {
      label: '姓名',
      hint: asks('school') ? '报名人的姓名。由带队老师报名的，请写老师的姓名；不填学生的姓名。' : '报名人的姓名。孩子参加的，请写家长或监护人的姓名。',
    };
    t.phone = { label: '手机号', hint: '11位手机号。只用于活动当天核对和活动有变动时联系您。' };
    t.seats = {
      label: '人数',
      hint: asks('school') ? `来参加的学生和老师一共多少人。一次最多${max}位。` : `一起来的人数，包括您自己和孩子。一次最多${max}位。`,
    };
  }
  if (asks('childAgeBands')) {
    t.childAgeBands = {
      label: '同来孩子的年龄段（选填）',
      hint: '每个年龄段有几个孩子同来。孩子也算在人数里，还要至少1位大人陪同。不问孩子的姓名和生日。不填也能报名。',
    };
    t.consentChildren = {
      label: `我是这些孩子的父母或其他监护人，同意提供孩子的年龄段，只用于${sensitivePurpose.childAgeBands}，${kept}。`,
      hint: '未满14周岁孩子的信息要特别保护，须由父母或其他监护人单独同意。不同意的，把年龄段都选0位，照样可以报名。',
    };
  }
  if (asks('dueMonth')) {
    t.dueMonth = { label: '预产月（选填）', hint: '宝宝预计在哪个月出生。不填也能报名。' };
    t.consentDueMonth = {
      label: `我同意提供预产月，只用于${sensitivePurpose.dueMonth}，${kept}。`,
      hint: '预产月属于健康信息，要特别保护，须经您单独同意。不同意的，预产月选「不填」，照样可以报名。',
    };
  }
  if (per) {
    t.prepNote = {
      label: '需要我们准备的（选填）',
      hint: `例如：有学生坐轮椅，需要无障碍通道。只写要准备什么，不写学生的姓名和病情，不超过${PREP_NOTE_MAX}个字。`,
    };
    t.safety = { label: '我已读过上面的安全须知，出发前会告诉随行的老师和学生。' };
  }
  t.consent = { label: '我已阅读上面的隐私说明，同意按说明使用我填写的报名信息。' };
  return t;
}
