use jiandu::domain::storage_budget::{Room, LOW_BYTES, RESERVE_BYTES};

const MB: f64 = 1024.0 * 1024.0;

#[test]
fn room_is_judged_from_the_quota_before_anything_is_written() {
    // 10 GB quota, 1 GB used: ample for a photo.
    assert_eq!(
        Room::judge(Some(1024.0 * MB), Some(10240.0 * MB), 0.5 * MB),
        Room::Ample
    );
    // 2 GB quota with 1.9 GB used: 100 MB free is below 10 % of the quota: warn, still store.
    let low = Room::judge(Some(1948.0 * MB), Some(2048.0 * MB), 0.5 * MB);
    assert!(matches!(low, Room::Low { .. }), "{low:?}");
    assert!(low.message().unwrap().contains("即将用尽"));
    // A 40 MB video with 45 MB free does not fit with the reserve kept: refused.
    let refused = Room::judge(Some(955.0 * MB), Some(1000.0 * MB), 40.0 * MB);
    assert!(matches!(refused, Room::Insufficient { .. }), "{refused:?}");
    let message = refused.message().unwrap();
    assert!(
        message.contains("需要 40.0 MB") && message.contains("约剩 45.0 MB"),
        "{message}"
    );
    assert!(message.contains("已填写的内容不受影响"));
    // Unknown quota (old browsers): nothing can be said.
    assert_eq!(Room::judge(None, None, 10.0 * MB), Room::Ample);
    // The edges: a file that fits exactly with the reserve is stored (with a warning, as so
    // little is left); one byte more is refused.
    let quota = 4.0 * LOW_BYTES;
    let needed = 5.0 * MB;
    let free = needed + RESERVE_BYTES;
    assert!(matches!(
        Room::judge(Some(quota - free), Some(quota), needed),
        Room::Low { .. }
    ));
    assert!(matches!(
        Room::judge(Some(quota - free + 1.0), Some(quota), needed),
        Room::Insufficient { .. }
    ));
}
