"use client";
// Channels (issue 10 p.2): how an application may arrive (intake) and how the result may reach the
// applicant (delivery: each code at most once; the form's delivery-channel field offers them).
import { CHANNELS, CHANNEL_LABEL, DELIVERY, type Delivery } from "@/server/regulation/document";
import { CheckboxRow, ProblemNote, SelectRow, TextRow } from "./controls/fields";
import { ListEditor } from "./controls/list-editor";
import { moveItem, removeItem } from "./controls/list-ops";
import { DELIVERY_LABEL, deliveryRemovalQuestion, freeDeliveryCodes } from "./lists-edit";
import { editorId, type SectionProps } from "./section-props";

export function ChannelsSection({ doc, change, readOnly, problems }: SectionProps) {
  const intakeId = editorId("intakeChannels");
  return (
    <div className="space-y-8">
      <fieldset id={intakeId} className="space-y-2 rounded border border-slate-300 p-3">
        <legend className="px-1 text-lg font-semibold">Способы подачи заявления</legend>
        <ProblemNote problems={problems} path="intakeChannels" exact={false} />
        {CHANNELS.map((channel) => (
          <CheckboxRow
            key={channel}
            problems={[]}
            readOnly={readOnly}
            path={`intakeChannels.${channel}`}
            label={CHANNEL_LABEL[channel]}
            checked={doc.intakeChannels.includes(channel)}
            onChange={(on) =>
              change(
                on
                  ? `Добавлен способ подачи «${CHANNEL_LABEL[channel]}»`
                  : `Убран способ подачи «${CHANNEL_LABEL[channel]}»`,
                (d) => {
                  const set = new Set(d.intakeChannels);
                  if (on) set.add(channel);
                  else set.delete(channel);
                  // In CHANNELS' order, so the document does not change by the order of clicks.
                  d.intakeChannels = CHANNELS.filter((c) => set.has(c));
                },
              )
            }
          />
        ))}
      </fieldset>

      <ListEditor
        problems={problems}
        readOnly={readOnly}
        path="deliveryChannels"
        title="Способы получения результата"
        hint="Каждый способ — не более одного раза. Заявитель выбирает из них в поле формы «Способ получения результата»."
        items={doc.deliveryChannels}
        itemTitle={(c) => `Способ «${DELIVERY_LABEL[c.code] ?? c.code}»`}
        addLabel="Добавить способ получения"
        addRefusal={freeDeliveryCodes(doc).length ? null : "Все способы получения уже добавлены."}
        minItems={1}
        onAdd={() =>
          change("Добавлен способ получения результата", (d) => {
            const code = freeDeliveryCodes(d)[0];
            if (code) d.deliveryChannels.push({ code, title: DELIVERY_LABEL[code] });
          })
        }
        confirmRemove={(i) => deliveryRemovalQuestion(doc, i)}
        onRemove={(i) => change("Удалён способ получения результата", (d) => void removeItem(d.deliveryChannels, i))}
        onMove={(i, delta) =>
          change("Перемещён способ получения результата", (d) => void moveItem(d.deliveryChannels, i, delta))
        }
        renderItem={(c, i, path) => (
          <>
            <SelectRow
              problems={problems}
              readOnly={readOnly}
              path={`${path}.code`}
              label="Способ"
              value={c.code}
              options={[c.code, ...freeDeliveryCodes(doc, i).filter((x) => x !== c.code)]
                .sort((a, b) => DELIVERY.indexOf(a) - DELIVERY.indexOf(b))
                .map((code) => ({ value: code, label: DELIVERY_LABEL[code] }))}
              onChange={(v) =>
                change("Изменён способ получения результата", (d) => void (d.deliveryChannels[i]!.code = v as Delivery))
              }
            />
            <TextRow
              problems={problems}
              readOnly={readOnly}
              path={`${path}.title`}
              label="Как способ назван в регламенте и форме"
              required
              value={c.title}
              onChange={(v) =>
                change("Изменено название способа получения результата", (d) => void (d.deliveryChannels[i]!.title = v))
              }
            />
          </>
        )}
      />
    </div>
  );
}
